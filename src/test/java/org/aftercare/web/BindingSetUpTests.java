package org.aftercare.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import org.aftercare.AftercareTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages bind their forms with the cached names and still with Spring Boot's
 * conversion service (dates, enums) and validator (the forms' constraints).
 */
@AftercareTest
class BindingSetUpTests {

	@Autowired
	RequestMappingHandlerAdapter adapter;

	@Test
	void formsBindWithTheCachedNamesAndBootsConversionAndValidation() {
		assertThat(this.adapter.getWebBindingInitializer()).isInstanceOf(CachedBindParamNames.Initializer.class);
		ConfigurableWebBindingInitializer initializer = (ConfigurableWebBindingInitializer) this.adapter
			.getWebBindingInitializer();
		assertThat(initializer.getConversionService()).isNotNull();
		assertThat(initializer.getValidator()).isNotNull();
	}

}
