package org.aftercare;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the current thread prepares, JPA and {@code JdbcClient}
 * alike, by wrapping the application's {@link DataSource}. Import it only where a test
 * asserts a statement count (a different import set makes a context of its own).
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

	private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

	/**
	 * Statements; those of them that set a transaction's clinic scope; Spring Session's
	 * reads of a session; and those reads made inside a transaction.
	 */
	private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[4]);

	/** Connections taken, held now, and the most held at once. */
	private static final ThreadLocal<int[]> CONNECTIONS = ThreadLocal.withInitial(() -> new int[3]);

	/** Starts counting again from zero on this thread. */
	public static void reset() {
		Arrays.fill(COUNT.get(), 0);
		CONNECTIONS.get()[0] = 0;
		CONNECTIONS.get()[2] = CONNECTIONS.get()[1];
	}

	/**
	 * The most connections this thread held at once since the last {@link #reset()}: more
	 * than one means a request waits for a second connection while holding one, which
	 * under load can hold every pooled connection by requests waiting for another.
	 */
	public static int mostHeldAtOnce() {
		return CONNECTIONS.get()[2];
	}

	/**
	 * Connections taken from the pool on this thread since the last {@link #reset()}: one
	 * per transaction, and one per statement run outside of any.
	 */
	public static int connections() {
		return CONNECTIONS.get()[0];
	}

	/** Statements prepared on this thread since the last {@link #reset()}. */
	public static int count() {
		return COUNT.get()[0];
	}

	/**
	 * Of {@link #count()}, the statements that set a transaction's clinic scope for
	 * row-level security: one per transaction that has a scope.
	 */
	public static int scopeCount() {
		return COUNT.get()[1];
	}

	/** Spring Session's reads of a session since the last {@link #reset()}. */
	public static int sessionReads() {
		return COUNT.get()[2];
	}

	/**
	 * Of {@link #sessionReads()}, those made on a connection in a transaction (not in
	 * auto-commit).
	 */
	public static int sessionReadsInTransactions() {
		return COUNT.get()[3];
	}

	@Bean
	static BeanPostProcessor statementCountingDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
					return proxy(DataSource.class, dataSource, (target, method, args) -> {
						Object result = invoke(target, method, args);
						if (result instanceof Connection connection) {
							int[] connections = CONNECTIONS.get();
							connections[0]++;
							connections[1]++;
							connections[2] = Math.max(connections[2], connections[1]);
							return countingConnection(connection);
						}
						return result;
					});
				}
				return bean;
			}

		};
	}

	private static Connection countingConnection(Connection connection) {
		return proxy(Connection.class, connection, (target, method, args) -> {
			if (method.getName().equals("close") && !target.isClosed()) {
				CONNECTIONS.get()[1]--;
			}
			if (STATEMENT_METHODS.contains(method.getName())) {
				COUNT.get()[0]++;
				if (args != null && args.length > 0 && args[0] instanceof String sql) {
					if (sql.startsWith("select set_config('app.clinic_id'")) {
						COUNT.get()[1]++;
					}
					if (sql.startsWith("SELECT S.PRIMARY_ID") && sql.contains("WHERE S.SESSION_ID = ?")) {
						COUNT.get()[2]++;
						COUNT.get()[3] += target.getAutoCommit() ? 0 : 1;
					}
				}
			}
			return invoke(target, method, args);
		});
	}

	private interface Handler<T> {

		Object handle(T target, Method method, Object[] args) throws Throwable;

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
		InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
		return (T) Proxy.newProxyInstance(StatementCounting.class.getClassLoader(), new Class<?>[] { type },
				invocation);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
