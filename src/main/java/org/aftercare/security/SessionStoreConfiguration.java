package org.aftercare.security;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions stay in PostgreSQL (shared by every instance), behind
 * {@link QuietSessionRepository}: read on every request, written only when they change or
 * their last access time is {@code aftercare.session.touch-interval} old (default one
 * minute).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	static BeanPostProcessor quietSessionRepository(Environment environment) {
		Duration touchInterval = Binder.get(environment)
			.bind("aftercare.session.touch-interval", Duration.class)
			.orElse(Duration.ofMinutes(1));
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcIndexedSessionRepository jdbc) {
					return new QuietSessionRepository(jdbc, touchInterval);
				}
				return bean;
			}
		};
	}

}
