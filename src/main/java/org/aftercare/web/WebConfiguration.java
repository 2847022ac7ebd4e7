package org.aftercare.web;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/** Time comes from here so that tests can move it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
