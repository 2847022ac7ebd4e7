package org.aftercare.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The JPA transaction manager that tells PostgreSQL, as each transaction begins, whose
 * rows it may see: one statement,
 * {@code select set_config('app.clinic_id', ?, true), set_config('app.all_clinics', ?, true)},
 * on the transaction's own connection, transaction-local, so the settings end with the
 * transaction and a pooled connection carries nothing over. Nothing is sent when there is
 * no scope ({@link ClinicScope#effective()} empty): the row-level security policies then
 * show no clinic's rows.
 *
 * <p>
 * {@code JdbcClient} read models share the transaction's connection (it is bound for the
 * {@code DataSource}), so they see exactly what JPA sees.
 */
public class ClinicScopedTransactionManager extends JpaTransactionManager {

	static final String SET_SCOPE = "select set_config('app.clinic_id', ?, true), set_config('app.all_clinics', ?, true)";

	/**
	 * The resource key under which the open transaction's {@link TenantConnection} is
	 * bound.
	 */
	private static final Object KEY = TenantConnection.class;

	public ClinicScopedTransactionManager(EntityManagerFactory entityManagerFactory) {
		super(entityManagerFactory);
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		// The scope first, before this transaction takes its connection: finding the
		// signed-in user may load the security context from the session, which Spring
		// Session reads in a transaction of its own. Holding a connection meanwhile would
		// take two from the pool at once, and under load every pooled connection would be
		// held by a request waiting for a second one.
		Optional<ClinicScope.Tenancy> scope = ClinicScope.effective();
		super.doBegin(transaction, definition);
		ConnectionHolder holder = (ConnectionHolder) TransactionSynchronizationManager.getResource(dataSource());
		if (holder == null) {
			rollBackAfterFailedBegin();
			doCleanupAfterCompletion(transaction);
			throw new CannotCreateTransactionException("The JPA transaction exposes no JDBC connection to scope");
		}
		EntityManagerHolder entityManager = (EntityManagerHolder) TransactionSynchronizationManager
			.getResource(obtainEntityManagerFactory());
		TenantConnection tenant = new TenantConnection(holder,
				(entityManager != null) ? entityManager.getEntityManager() : null);
		TransactionSynchronizationManager.bindResource(KEY, tenant);
		if (scope.isEmpty()) {
			return;
		}
		try {
			tenant.apply(scope);
		}
		catch (RuntimeException ex) {
			rollBackAfterFailedBegin();
			doCleanupAfterCompletion(transaction);
			throw new CannotCreateTransactionException("Could not set the clinic scope of the transaction", ex);
		}
	}

	private DataSource dataSource() {
		DataSource dataSource = getDataSource();
		if (dataSource == null) {
			throw new IllegalStateException("The clinic scope needs the JPA transaction's DataSource");
		}
		return dataSource;
	}

	private void rollBackAfterFailedBegin() {
		EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager
			.getResource(obtainEntityManagerFactory());
		if (holder != null) {
			EntityManager entityManager = holder.getEntityManager();
			EntityTransaction jpaTransaction = entityManager.getTransaction();
			if (jpaTransaction.isActive()) {
				jpaTransaction.rollback();
			}
		}
	}

	@Override
	protected Object doSuspend(Object transaction) {
		Object suspended = super.doSuspend(transaction);
		return new Suspended(suspended, TransactionSynchronizationManager.unbindResourceIfPossible(KEY));
	}

	@Override
	protected void doResume(Object transaction, Object suspendedResources) {
		Suspended suspended = (Suspended) suspendedResources;
		super.doResume(transaction, suspended.jpa());
		if (suspended.tenant() != null) {
			TransactionSynchronizationManager.bindResource(KEY, suspended.tenant());
		}
	}

	@Override
	protected void doCleanupAfterCompletion(Object transaction) {
		TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
		super.doCleanupAfterCompletion(transaction);
	}

	private record Suspended(Object jpa, Object tenant) {
	}

	/**
	 * The connection of the transaction open on this thread, and the scope it was given.
	 */
	static final class TenantConnection {

		private final ConnectionHolder holder;

		private final EntityManager entityManager;

		private Optional<ClinicScope.Tenancy> applied = Optional.empty();

		TenantConnection(ConnectionHolder holder, EntityManager entityManager) {
			this.holder = holder;
			this.entityManager = entityManager;
		}

		/** The open transaction's, if there is one on this thread. */
		static TenantConnection current() {
			return (TenantConnection) TransactionSynchronizationManager.getResource(KEY);
		}

		Optional<ClinicScope.Tenancy> applied() {
			return this.applied;
		}

		/**
		 * Changes the scope of the open transaction: first writes what JPA holds back
		 * under the scope it was made in, then sets the new one for the rest of the
		 * transaction; empty: no clinic.
		 */
		void change(Optional<ClinicScope.Tenancy> scope) {
			if (this.entityManager != null && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
				this.entityManager.flush();
			}
			apply(scope);
		}

		/** Sets the scope for the rest of the transaction; empty: no clinic. */
		void apply(Optional<ClinicScope.Tenancy> scope) {
			String clinic = scope.filter(ClinicScope.OneClinic.class::isInstance)
				.map((s) -> ((ClinicScope.OneClinic) s).clinicId().toString())
				.orElse("");
			String all = scope.filter(ClinicScope.AllClinics.class::isInstance).isPresent() ? "on" : "off";
			Connection connection = this.holder.getConnection();
			try (PreparedStatement statement = connection.prepareStatement(SET_SCOPE)) {
				statement.setString(1, clinic);
				statement.setString(2, all);
				statement.execute();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not set the clinic scope of the transaction", ex);
			}
			this.applied = scope;
		}

	}

}
