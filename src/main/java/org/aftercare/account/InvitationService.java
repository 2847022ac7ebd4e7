package org.aftercare.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.security.Role;
import org.aftercare.web.Languages;

/**
 * Accepting an invitation: the link is checked, the password set, the link used up, in
 * one transaction.
 */
@Service
class InvitationService {

	private final InvitationRepository invitations;

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final Clock clock;

	private final Languages languages;

	InvitationService(InvitationRepository invitations, UserAccountRepository accounts, PasswordEncoder passwordEncoder,
			AuditLog audit, Clock clock, Languages languages) {
		this.languages = languages;
		this.invitations = invitations;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a link is worth now, and whose it is. */
	record Lookup(Invitation.State state, UserAccount account) {
	}

	@Transactional(readOnly = true)
	Optional<Lookup> lookup(String token) {
		Instant now = this.clock.instant();
		return ClinicScope.acrossClinics(ClinicScope.Reason.INVITATION_TOKEN,
				() -> this.invitations.findByTokenHash(Tokens.hash(token))
					.flatMap((invitation) -> this.accounts
						.findByIdAndClinicId(invitation.accountId(), invitation.clinicId())
						.map((account) -> new Lookup(invitation.state(now), account))));
	}

	/**
	 * Sets the password if the link is still valid; returns the account's e-mail for the
	 * login that follows. A patient who accepted in another language than the one their
	 * clinician chose (they switched on the page) keeps the one they read it in.
	 */
	@Transactional
	Optional<String> accept(String token, String rawPassword, Locale language) {
		return accept(token, rawPassword, null, language);
	}

	private Optional<String> accept(String token, String rawPassword, NoPassword choice, Locale language) {
		Instant now = this.clock.instant();
		Optional<Invitation> found = ClinicScope.acrossClinics(ClinicScope.Reason.INVITATION_TOKEN,
				() -> this.invitations.findByTokenHash(Tokens.hash(token))
					.filter((invitation) -> invitation.state(now) == Invitation.State.VALID));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Invitation invitation = found.get();
		// From here on, the invitation's own clinic.
		return ClinicScope.runInClinic(new ClinicId(invitation.clinicId()),
				() -> accept(invitation, rawPassword, choice, now, language));
	}

	/**
	 * A patient's choice of no password: the link is used up and the account keeps no
	 * password, so that only e-mailed sign-in links and passkeys (or, later, a password
	 * reset) open it. Never for staff, who sign in with a password and their second
	 * factor.
	 */
	@Transactional
	Optional<String> acceptWithoutPassword(String token, NoPassword choice, Locale language) {
		return accept(token, null, choice, language);
	}

	/** How a patient with no password will sign in. */
	enum NoPassword {

		EMAIL_LINKS("sign-in by e-mailed links"), PASSKEY("sign-in by passkey");

		private final String detail;

		NoPassword(String detail) {
			this.detail = detail;
		}

	}

	private Optional<String> accept(Invitation invitation, String rawPassword, NoPassword choice, Instant now,
			Locale language) {
		UserAccount account = this.accounts.findByIdAndClinicId(invitation.accountId(), invitation.clinicId())
			.orElseThrow();
		if (rawPassword == null && account.role() != Role.PATIENT) {
			return Optional.empty();
		}
		account.changePassword((rawPassword != null) ? this.passwordEncoder.encode(rawPassword) : null);
		invitation.use(now);
		ClinicId clinicId = new ClinicId(account.clinicId());
		this.audit.record(new AuditEvent(clinicId, account.patientId(), AuditAction.INVITATION_ACCEPTED, "user_account",
				account.id(), (rawPassword != null) ? null : choice.detail));
		String tag = (language != null)
				? this.languages.find(language.toLanguageTag()).map(Locale::toLanguageTag).orElse(null) : null;
		if (account.role() == Role.PATIENT && tag != null && !tag.equals(account.language())) {
			this.audit.record(new AuditEvent(clinicId, account.patientId(), AuditAction.LANGUAGE_CHANGED,
					"user_account", account.id(), account.language() + " -> " + tag));
			account.changeLanguage(tag);
		}
		return Optional.of(account.email());
	}

}
