package org.aftercare.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.security.ClinicId;
import org.aftercare.security.Role;
import org.aftercare.security.SignedInSessions;

/**
 * The clinic admin's changes to staff logins, each with its audit row in the same
 * transaction; a login disabled or reset loses its sessions at once.
 */
@Service
class StaffService {

	private final AccountService accounts;

	private final SignedInSessions sessions;

	private final AuditLog audit;

	private final TwoFactorService twoFactor;

	private final ApplicationEventPublisher events;

	StaffService(AccountService accounts, SignedInSessions sessions, AuditLog audit, TwoFactorService twoFactor,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.audit = audit;
		this.twoFactor = twoFactor;
		this.events = events;
	}

	/** A clinician or admin of the clinic; anyone else does not exist here. */
	@Transactional(readOnly = true)
	Optional<AccountSummary> member(ClinicId clinicId, UUID id) {
		return this.accounts.find(clinicId, new AccountId(id)).filter((account) -> account.role() != Role.PATIENT);
	}

	@Transactional
	UUID invite(ClinicId clinicId, NewStaffMember member) {
		UUID id = this.accounts.invite(clinicId, member.email(), member.displayName(), member.role(), null).value();
		this.audit.record(
				new AuditEvent(clinicId, null, AuditAction.STAFF_INVITED, "user_account", id, member.role().name()));
		return id;
	}

	/** Returns the login's e-mail address. */
	@Transactional
	String disable(ClinicId clinicId, UUID id) {
		String email = this.accounts.setEnabled(clinicId, new AccountId(id), false);
		this.sessions.endAllBut(email, null);
		this.audit.record(new AuditEvent(clinicId, null, AuditAction.STAFF_DISABLED, "user_account", id, null));
		return email;
	}

	/** Returns the login's e-mail address. */
	@Transactional
	String enable(ClinicId clinicId, UUID id) {
		String email = this.accounts.setEnabled(clinicId, new AccountId(id), true);
		this.audit.record(new AuditEvent(clinicId, null, AuditAction.STAFF_ENABLED, "user_account", id, null));
		return email;
	}

	/**
	 * The member lost their authenticator: enrol again at next sign-in, told by e-mail.
	 */
	@Transactional
	void resetTwoFactor(ClinicId clinicId, AccountSummary member) {
		this.twoFactor.reset(clinicId, member.id().value());
		this.sessions.endAllBut(member.email(), null);
		this.events.publishEvent(new TwoFactorReset(clinicId, member.id(), member.email(), member.displayName(),
				this.twoFactor.required(clinicId)));
	}

}
