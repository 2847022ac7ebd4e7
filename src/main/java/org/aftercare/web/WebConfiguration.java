package org.aftercare.web;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.validation.Validator;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/** Time comes from here so that tests can move it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Form binding as Spring Boot sets it up, with the form records' names cached. */
	@Bean
	ConfigurableWebBindingInitializer webBindingInitializer(
			@Qualifier("mvcConversionService") FormattingConversionService conversions,
			@Qualifier("mvcValidator") Validator validator) {
		ConfigurableWebBindingInitializer initializer = new CachedBindParamNames.Initializer();
		initializer.setConversionService(conversions);
		initializer.setValidator(validator);
		return initializer;
	}

}
