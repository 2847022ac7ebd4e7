package org.aftercare.security;

import java.io.IOException;

import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The clinic scope of every transaction: the transaction manager that sets it, and a
 * filter that keeps web requests scoped by their signed-in user alone.
 */
@Configuration(proxyBeanMethods = false)
class ClinicScopeConfiguration {

	/** Takes the place of Spring Boot's {@code JpaTransactionManager}. */
	@Bean
	JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		ClinicScopedTransactionManager transactionManager = new ClinicScopedTransactionManager(entityManagerFactory);
		customizers.ifAvailable((c) -> c.customize(transactionManager));
		return transactionManager;
	}

	/**
	 * A request never inherits an explicit scope from its thread (none is left on one in
	 * production; a MockMvc request runs on the test's thread): what it sees comes from
	 * its signed-in user, or from a bypass it names itself.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> requestsScopedByTheirUser() {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Object suspended = ClinicScope.suspendExplicitScope();
				try {
					chain.doFilter(request, response);
				}
				finally {
					ClinicScope.reinstate(suspended);
				}
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
