package org.aftercare;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import org.aftercare.security.ClinicScope;

/**
 * The test harness's reach outside transactions: a statement the test code sends with
 * {@code JdbcClient} outside any transaction (an assertion on what is in the database)
 * runs on a connection set to all clinics for as long as the test holds it, since only
 * transactions get their scope from the application. It acts only on a thread inside
 * {@link ClinicScope.Reason#TEST_HARNESS}, so never for the application's own threads, a
 * MockMvc request or the local run. Auto-configured for every test context from the test
 * classpath.
 */
@AutoConfiguration
public class HarnessConnections {

	@Bean
	static BeanPostProcessor harnessConnectionsDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof HarnessDataSource)) {
					return new HarnessDataSource(dataSource);
				}
				return bean;
			}

		};
	}

	static final class HarnessDataSource extends DelegatingDataSource {

		HarnessDataSource(DataSource target) {
			super(target);
		}

		// What Spring Boot unwraps (Flyway derives its data source from the pool's type).
		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			return obtainTargetDataSource().unwrap(type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) throws SQLException {
			return obtainTargetDataSource().isWrapperFor(type);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return harness(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return harness(super.getConnection(username, password));
		}

		private static Connection harness(Connection connection) throws SQLException {
			if (ClinicScope.bypassReason().filter(ClinicScope.Reason.TEST_HARNESS::equals).isEmpty()) {
				return connection;
			}
			set(connection, "on");
			return (Connection) Proxy.newProxyInstance(HarnessConnections.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("close") && !connection.isClosed()) {
							// Back to the pool as it came: no clinic.
							try {
								if (!connection.getAutoCommit()) {
									connection.rollback();
								}
								set(connection, "off");
							}
							catch (SQLException ex) {
								// A broken connection is the pool's to discard.
							}
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getTargetException();
						}
					});
		}

		private static void set(Connection connection, String allClinics) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("select set_config('app.all_clinics', '" + allClinics + "', false)");
			}
		}

	}

}
