package org.aftercare;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate starts on a background thread while the rest of the application starts
 * (application.yml: the repositories' deferred bootstrap mode), which brings the local
 * run's login page 3 s sooner.
 */
@AftercareTest
class StartUpSetUpTests {

	@Autowired
	LocalContainerEntityManagerFactoryBean entityManagerFactory;

	@Test
	void hibernateStartsInTheBackground() {
		assertThat(this.entityManagerFactory.getBootstrapExecutor()).isNotNull();
	}

}
