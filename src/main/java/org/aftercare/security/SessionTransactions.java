package org.aftercare.security;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * The transactions of Spring Session's own statements: a plain JDBC transaction on the
 * pool, not the JPA one of {@link ClinicScopedTransactionManager}. The session tables
 * hold no clinic's rows (no row-level security applies to them), so a session's read
 * needs no entity manager and no clinic scope, and finding the scope would mean reading
 * the signed-in user from the very session being read. This was a fifth of the cost of a
 * signed-in request.
 *
 * <p>
 * Inside a transaction already open on the thread (a sign-out everywhere from a service,
 * say), the statements join it, as they did under the JPA manager: the session's
 * {@code JdbcTemplate} takes the transaction's connection.
 *
 * <p>
 * A session's read ({@link #reading}) runs in no transaction at all: it is one
 * {@code SELECT} of the session with its attributes, and so is the {@code DELETE} of a
 * session found expired. Each is atomic on its own in auto-commit, and without the
 * {@code BEGIN} and {@code COMMIT} round trips that every signed-in request paid for.
 */
final class SessionTransactions implements TransactionOperations {

	private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

	private final SingletonSupplier<TransactionTemplate> own;

	SessionTransactions(ObjectProvider<DataSource> dataSource) {
		this.own = SingletonSupplier
			.of(() -> new TransactionTemplate(new DataSourceTransactionManager(dataSource.getObject())));
	}

	/** Runs a session's read with its statements in auto-commit. */
	static <T> T reading(Supplier<T> read) {
		READING.set(Boolean.TRUE);
		try {
			return read.get();
		}
		finally {
			READING.remove();
		}
	}

	@Override
	public <T> T execute(TransactionCallback<T> action) throws TransactionException {
		if (READING.get() != null || TransactionSynchronizationManager.isActualTransactionActive()) {
			return action.doInTransaction(new SimpleTransactionStatus(false));
		}
		return this.own.obtain().execute(action);
	}

}
