package org.aftercare.security;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which clinic's rows the database lets this thread's transactions see (tenant isolation
 * underneath the application's own {@code clinic_id} filters).
 *
 * <p>
 * PostgreSQL row-level security shows the application role only the rows of the clinic
 * named by the transaction-local setting {@code app.clinic_id}, or every clinic's rows
 * when {@code app.all_clinics} is {@code on}; with neither it shows nothing. Each
 * transaction sets them once, as it begins ({@link ClinicScopedTransactionManager}), from
 * the first of:
 * <ol>
 * <li>an explicit scope entered on this thread with {@link #runInClinic} or
 * {@link #acrossClinics};</li>
 * <li>the clinic of the signed-in {@link CurrentUser};</li>
 * <li>nothing: the transaction sees no clinic's rows (fail closed).</li>
 * </ol>
 * A scope entered while a transaction is already open applies to it at once and is undone
 * when the scope is left.
 *
 * <p>
 * {@link #acrossClinics} is the one way past the clinic boundary, for work that precedes
 * knowing the clinic or spans clinics by nature; it names its {@link Reason}, and every
 * use is logged by the logger {@value #BYPASS_LOGGER}.
 */
public final class ClinicScope {

	/** The logger that records every {@link #acrossClinics} use. */
	public static final String BYPASS_LOGGER = "org.aftercare.security.ClinicScope.bypass";

	private static final Logger bypassLog = LoggerFactory.getLogger(BYPASS_LOGGER);

	private static final ThreadLocal<Tenancy> EXPLICIT = new ThreadLocal<>();

	private ClinicScope() {
	}

	/**
	 * Why work may see every clinic's rows. A closed list: add one only with a review.
	 */
	public enum Reason {

		/**
		 * Finding an account by the e-mail typed at sign-in, before its clinic is known.
		 */
		SIGN_IN,

		/**
		 * Whether an e-mail address names a login in any clinic: one address signs in to
		 * one account, whichever clinic holds it (the answer is yes or no).
		 */
		EMAIL_IN_USE,

		/** Finding an invitation by the token in its link, before its clinic is known. */
		INVITATION_TOKEN,

		/**
		 * Finding an account by the e-mail typed on the reset page, or a reset link by
		 * its token, before the clinic is known.
		 */
		PASSWORD_RESET,

		/**
		 * Finding a patient account by the e-mail typed to ask for a sign-in link, or a
		 * sign-in link by its token, before the clinic is known.
		 */
		SIGN_IN_LINK,

		/**
		 * Finding a passkey by the credential id or user handle an authenticator sends,
		 * or a login's passkey handle by its e-mail, before the clinic is known.
		 */
		PASSKEY,

		/**
		 * The clock-driven jobs that look for work in every clinic (R6/R13 triage,
		 * check-in reminders).
		 */
		SCHEDULED_JOB,

		/**
		 * Finding a check-in link by the token in its URL, before its clinic is known.
		 */
		CHECK_IN_LINK,

		/** Seeding the demo clinics on the local run. */
		DEMO_DATA,

		/**
		 * Test code only: fixtures and assertions that read the database as the tests'
		 * operator. Production code never names it ({@code ClinicScopeUsageTests}).
		 */
		TEST_HARNESS

	}

	/** What a transaction may see: one clinic, or every clinic for a reason. */
	sealed interface Tenancy permits OneClinic, AllClinics {

	}

	record OneClinic(UUID clinicId) implements Tenancy {

		OneClinic {
			Objects.requireNonNull(clinicId, "clinicId");
		}

	}

	record AllClinics(Reason reason) implements Tenancy {

		AllClinics {
			Objects.requireNonNull(reason, "reason");
		}

	}

	/** Runs the work seeing only the given clinic's rows. */
	public static <T> T runInClinic(ClinicId clinic, Supplier<T> work) {
		return enter(new OneClinic(clinic.value()), work);
	}

	/** Runs the work seeing only the given clinic's rows. */
	public static void runInClinic(ClinicId clinic, Runnable work) {
		enter(new OneClinic(clinic.value()), asSupplier(work));
	}

	/**
	 * Runs the work seeing every clinic's rows: the bypass, logged each time with its
	 * reason.
	 */
	public static <T> T acrossClinics(Reason reason, Supplier<T> work) {
		logBypass(reason);
		return enter(new AllClinics(reason), work);
	}

	/**
	 * Runs the work seeing every clinic's rows: the bypass, logged each time with its
	 * reason.
	 */
	public static void acrossClinics(Reason reason, Runnable work) {
		logBypass(reason);
		enter(new AllClinics(reason), asSupplier(work));
	}

	/**
	 * The reason of the bypass this thread has entered with {@link #acrossClinics}, if it
	 * is in one.
	 */
	public static Optional<Reason> bypassReason() {
		return (EXPLICIT.get() instanceof AllClinics all) ? Optional.of(all.reason()) : Optional.empty();
	}

	/**
	 * Leaves this thread with no explicit scope (what it sees is then the signed-in
	 * user's clinic, or nothing), returning the one it had for {@link #reinstate}. For
	 * each web request, so that no explicit scope left on a thread reaches it.
	 */
	static Object suspendExplicitScope() {
		Tenancy previous = EXPLICIT.get();
		EXPLICIT.remove();
		return previous;
	}

	/** Gives the thread back the explicit scope {@link #suspendExplicitScope} took. */
	static void reinstate(Object suspended) {
		restore((Tenancy) suspended);
	}

	/**
	 * What a transaction beginning now on this thread may see; empty: nothing.
	 */
	static Optional<Tenancy> effective() {
		Tenancy explicit = EXPLICIT.get();
		if (explicit != null) {
			return Optional.of(explicit);
		}
		// The signed-in user may come from the session, which Spring Session reads in a
		// plain JDBC transaction of its own (SessionTransactions), never through here.
		return CurrentUsers.current().map((user) -> new OneClinic(user.clinicId().value()));
	}

	private static void logBypass(Reason reason) {
		Objects.requireNonNull(reason, "reason");
		if (reason == Reason.TEST_HARNESS) {
			bypassLog.debug("Across clinics: {}", reason);
		}
		else {
			bypassLog.info("Across clinics: {}", reason);
		}
	}

	private static <T> T enter(Tenancy scope, Supplier<T> work) {
		Tenancy previous = EXPLICIT.get();
		EXPLICIT.set(scope);
		// A transaction already open on this thread takes the scope at once, and gets
		// back what it had when the scope is left.
		ClinicScopedTransactionManager.TenantConnection open = ClinicScopedTransactionManager.TenantConnection
			.current();
		Optional<Tenancy> before = (open != null) ? open.applied() : Optional.empty();
		boolean changed = open != null && !before.equals(Optional.of(scope));
		T result;
		try {
			if (changed) {
				open.change(Optional.of(scope));
			}
			result = work.get();
		}
		catch (RuntimeException | Error ex) {
			restore(previous);
			if (changed) {
				undo(open, before, ex);
			}
			throw ex;
		}
		restore(previous);
		if (changed) {
			undo(open, before, null);
		}
		return result;
	}

	private static void undo(ClinicScopedTransactionManager.TenantConnection open, Optional<Tenancy> before,
			Throwable failure) {
		// Only while that same transaction is still the thread's own.
		if (ClinicScopedTransactionManager.TenantConnection.current() != open) {
			return;
		}
		try {
			open.change(before);
		}
		catch (RuntimeException ex) {
			if (failure == null) {
				throw ex;
			}
			// The transaction failed already (and rolls back, settings included).
			failure.addSuppressed(ex);
		}
	}

	private static void restore(Tenancy previous) {
		if (previous == null) {
			EXPLICIT.remove();
		}
		else {
			EXPLICIT.set(previous);
		}
	}

	private static Supplier<Void> asSupplier(Runnable work) {
		return () -> {
			work.run();
			return null;
		};
	}

}
