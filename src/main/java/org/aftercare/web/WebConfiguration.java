package org.aftercare.web;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.validation.Validator;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.DispatcherServlet;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/** Time comes from here so that tests can move it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The language of each page (patients' in theirs, staff's in English), under the name
	 * Spring MVC looks for and under its own for templates ({@code @pageLanguage}).
	 */
	@Bean(name = { DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME, "pageLanguage" })
	PageLanguage localeResolver(Languages languages) {
		return new PageLanguage(languages);
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
