package org.aftercare.security;

import java.time.Duration;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions stay in PostgreSQL (shared by every instance), behind
 * {@link QuietSessionRepository}: read on every request, written only when they change or
 * their last access time is {@code aftercare.session.touch-interval} old (default one
 * minute), and read once a request. Its statements run in plain JDBC of their own
 * ({@link SessionTransactions}), not in the JPA transactions of the pages.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	static BeanPostProcessor quietSessionRepository(Environment environment, ObjectProvider<DataSource> dataSource) {
		Duration touchInterval = Binder.get(environment)
			.bind("aftercare.session.touch-interval", Duration.class)
			.orElse(Duration.ofMinutes(1));
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				// After autowiring, which gave it the application's TransactionOperations
				// (the JPA manager), and before it makes the repository.
				if (bean instanceof JdbcHttpSessionConfiguration configuration) {
					configuration.setTransactionOperations(new SessionTransactions(dataSource));
				}
				return bean;
			}

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcIndexedSessionRepository jdbc) {
					return new QuietSessionRepository(jdbc, touchInterval);
				}
				return bean;
			}
		};
	}

	/**
	 * Before Spring Session's filter, for every dispatch it filters: the request's scope
	 * of the sessions it has read ({@link QuietSessionRepository#readOncePerRequest()}).
	 */
	@Bean
	FilterRegistrationBean<Filter> sessionReadOncePerRequest() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				QuietSessionRepository.readOncePerRequest());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

}
