package org.aftercare.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

import org.aftercare.security.ClinicScope;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.SignInFlow;

/**
 * Logins and logouts go into the user's clinic's audit trail. (Failed logins of a known
 * account are recorded where the password is checked.)
 */
@Component
class SignInAudit {

	private final AuditLog log;

	SignInAudit(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(SignInFlow.SignedIn signedIn) {
		CurrentUser user = signedIn.user();
		this.log.record(new AuditEvent(user.clinicId(), user.patientId(), AuditAction.LOGIN, "user_account",
				user.accountId(), null), AuditOutcome.SUCCESS, user.accountId(), user.role().name());
	}

	@EventListener
	void on(LogoutSuccessEvent logout) {
		if (logout.getAuthentication().getPrincipal() instanceof CurrentUser user) {
			// The security context is cleared by now: the user who left names the clinic.
			ClinicScope.runInClinic(user.clinicId(),
					() -> this.log.record(
							new AuditEvent(user.clinicId(), user.patientId(), AuditAction.LOGOUT, "user_account",
									user.accountId(), null),
							AuditOutcome.SUCCESS, user.accountId(), user.role().name()));
		}
	}

}
