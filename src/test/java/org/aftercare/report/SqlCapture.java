package org.aftercare.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the SQL the current thread prepares, JPA and {@code JdbcClient} alike, by
 * wrapping the application's {@link DataSource}: for tests that look at the plans of the
 * statements the application really sends.
 */
@TestConfiguration(proxyBeanMethods = false)
class SqlCapture {

	private static final ThreadLocal<List<String>> CAPTURED = new ThreadLocal<>();

	static void start() {
		CAPTURED.set(new ArrayList<>());
	}

	static List<String> stop() {
		List<String> captured = CAPTURED.get();
		CAPTURED.remove();
		return (captured != null) ? captured : List.of();
	}

	@Bean
	static BeanPostProcessor sqlCapturingDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
					return proxy(DataSource.class, dataSource, (method, args) -> {
						Object result = invoke(method, dataSource, args);
						return (result instanceof Connection connection) ? capturing(connection) : result;
					});
				}
				return bean;
			}

		};
	}

	private static Connection capturing(Connection connection) {
		return proxy(Connection.class, connection, (method, args) -> {
			List<String> captured = CAPTURED.get();
			if (captured != null && method.getName().equals("prepareStatement") && args != null && args.length > 0
					&& args[0] instanceof String sql) {
				captured.add(sql);
			}
			return invoke(method, connection, args);
		});
	}

	private interface Handler {

		Object handle(java.lang.reflect.Method method, Object[] args) throws Throwable;

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Handler handler) {
		return (T) Proxy.newProxyInstance(SqlCapture.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> handler.handle(method, args));
	}

	private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
