package org.aftercare.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.security.ClinicId;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.SignedInSessions;

/**
 * A signed-in user changes their password: the current one is checked, and every other
 * session of theirs ends.
 */
@Service
class PasswordChangeService {

	private static final Logger log = LoggerFactory.getLogger(PasswordChangeService.class);

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final SignedInSessions sessions;

	private final AuditLog audit;

	PasswordChangeService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, SignedInSessions sessions,
			AuditLog audit) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	boolean currentMatches(CurrentUser user, String current) {
		return this.accounts.findByIdAndClinicIdAndEnabledTrue(user.accountId(), user.clinicId().value())
			.map((account) -> account.passwordHash() != null
					&& this.passwordEncoder.matches(current, account.passwordHash()))
			.orElse(false);
	}

	@Transactional
	void change(CurrentUser user, String newPassword, String keepSessionId) {
		UserAccount account = this.accounts.findByIdAndClinicIdAndEnabledTrue(user.accountId(), user.clinicId().value())
			.orElseThrow();
		account.changePassword(this.passwordEncoder.encode(newPassword));
		int ended = this.sessions.endAllBut(account.email(), keepSessionId);
		this.audit.record(new AuditEvent(new ClinicId(account.clinicId()), account.patientId(),
				AuditAction.PASSWORD_CHANGED, "user_account", account.id(), "other sessions ended: " + ended));
		log.info("Account {} changed its password", account.id());
	}

}
