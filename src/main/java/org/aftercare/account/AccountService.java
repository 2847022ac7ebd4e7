package org.aftercare.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.paging.KeysetPage;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.security.Role;
import org.aftercare.web.Languages;
import org.aftercare.web.NotFoundException;

/**
 * The account facade other modules use: staff lists, and creating logins.
 */
@Service
public class AccountService {

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final InvitationRepository invitations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration invitationLifetime;

	private final PasswordPolicy passwords;

	private final JdbcClient jdbc;

	private final Languages languages;

	private final AuditLog audit;

	AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, InvitationRepository invitations,
			ApplicationEventPublisher events, Clock clock,
			@Value("${aftercare.invitation.lifetime:PT72H}") Duration invitationLifetime, PasswordPolicy passwords,
			JdbcClient jdbc, Languages languages, AuditLog audit) {
		this.jdbc = jdbc;
		this.languages = languages;
		this.audit = audit;
		this.passwords = passwords;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.invitations = invitations;
		this.events = events;
		this.clock = clock;
		this.invitationLifetime = invitationLifetime;
	}

	/**
	 * Creates a login with a password chosen now. Returns the new account's id.
	 */
	@Transactional
	public AccountId create(ClinicId clinicId, String email, String rawPassword, Role role, String displayName,
			UUID patientId) {
		return create(clinicId, email, rawPassword, role, displayName, patientId, Languages.DEFAULT);
	}

	/**
	 * Creates a login with a password chosen now, whose pages and e-mails are in this
	 * language (a patient's; staff read English). Returns the new account's id.
	 */
	@Transactional
	public AccountId create(ClinicId clinicId, String email, String rawPassword, Role role, String displayName,
			UUID patientId, Locale language) {
		if (emailTaken(email)) {
			throw new IllegalArgumentException("an account with this e-mail already exists");
		}
		List<String> problems = this.passwords.problems(rawPassword, email);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("the password breaks the password policy: " + problems);
		}
		UserAccount account = new UserAccount(clinicId.value(), email, this.passwordEncoder.encode(rawPassword), role,
				displayName, patientId, this.clock.instant());
		account.changeLanguage(this.languages.of(language.toLanguageTag()).toLanguageTag());
		return new AccountId(this.accounts.save(account).id());
	}

	/**
	 * Creates a login without a password and e-mails a one-time invitation link with
	 * which the person sets it. Returns the new account's id.
	 */
	@Transactional
	public AccountId invite(ClinicId clinicId, String email, String displayName, Role role, UUID patientId) {
		return invite(clinicId, email, displayName, role, patientId, Languages.DEFAULT);
	}

	/**
	 * Creates a login without a password, whose pages and e-mails are in this language (a
	 * patient's; staff read English), and e-mails a one-time invitation link in it.
	 * Returns the new account's id.
	 */
	@Transactional
	public AccountId invite(ClinicId clinicId, String email, String displayName, Role role, UUID patientId,
			Locale language) {
		if (emailTaken(email)) {
			throw new IllegalArgumentException("an account with this e-mail already exists");
		}
		UserAccount account = new UserAccount(clinicId.value(), email, null, role, displayName, patientId,
				this.clock.instant());
		account.changeLanguage(this.languages.of(language.toLanguageTag()).toLanguageTag());
		UUID id = this.accounts.save(account).id();
		issueInvitation(account);
		return new AccountId(id);
	}

	/**
	 * A new invitation link for a patient who has not set a password yet; earlier links
	 * stop working.
	 * @return whether one was sent (false when the patient has set their password
	 * already)
	 */
	@Transactional
	public boolean resendInvitation(ClinicId clinicId, UUID patientId) {
		UserAccount account = this.accounts.findByClinicIdAndPatientId(clinicId.value(), patientId)
			.orElseThrow(() -> new NotFoundException("account"));
		Instant now = this.clock.instant();
		if (activated(account, now)) {
			return false;
		}
		this.invitations.findByClinicIdAndAccountId(clinicId.value(), account.id()).forEach((i) -> i.withdraw(now));
		issueInvitation(account);
		return true;
	}

	private void issueInvitation(UserAccount account) {
		String token = Tokens.newToken();
		Instant now = this.clock.instant();
		Invitation invitation = new Invitation(account.clinicId(), account.id(), Tokens.hash(token), now,
				now.plus(this.invitationLifetime));
		this.invitations.save(invitation);
		this.events.publishEvent(new InvitationIssued(new ClinicId(account.clinicId()), new AccountId(account.id()),
				account.email(), account.displayName(), token, now.plus(this.invitationLifetime),
				account.role() != Role.PATIENT, account.patientId(), account.mailLanguage()));
	}

	/**
	 * A patient's own choice of language, from the switch on their pages: their pages and
	 * e-mails from now on. Recorded in the audit trail (it changes whom the clinic writes
	 * to in what language). Returns whether it changed anything; staff have none to
	 * change.
	 */
	@Transactional
	public boolean changeLanguage(ClinicId clinicId, AccountId accountId, Locale language) {
		String tag = this.languages.find(language.toLanguageTag())
			.orElseThrow(() -> new IllegalArgumentException("not one of the app's languages: " + language))
			.toLanguageTag();
		UserAccount account = this.accounts.findByIdAndClinicId(accountId.value(), clinicId.value())
			.filter((a) -> a.role() == Role.PATIENT)
			.orElseThrow(() -> new NotFoundException("account"));
		if (tag.equals(account.language())) {
			return false;
		}
		String before = account.language();
		account.changeLanguage(tag);
		this.audit.record(new AuditEvent(clinicId, account.patientId(), AuditAction.LANGUAGE_CHANGED, "user_account",
				account.id(), before + " -> " + tag));
		return true;
	}

	/**
	 * Erasure of a patient's login: the password and the name go, the account is
	 * disabled, and the traces the address left go too: invitation, password reset and
	 * sign-in links (used or not), its passkeys, the login attempts and locks and the
	 * reset requests kept by a hash of it. Returns the e-mail the account had, by which
	 * its sessions are found; empty when the clinic has no such login.
	 */
	@Transactional
	public Optional<String> erasePatientLogin(ClinicId clinicId, UUID patientId) {
		Optional<UserAccount> found = this.accounts.findByClinicIdAndPatientId(clinicId.value(), patientId);
		return found.map((account) -> {
			String email = account.email();
			this.jdbc.sql("DELETE FROM invitation WHERE clinic_id = ? AND account_id = ?")
				.params(clinicId.value(), account.id())
				.update();
			this.jdbc.sql("DELETE FROM password_reset WHERE clinic_id = ? AND account_id = ?")
				.params(clinicId.value(), account.id())
				.update();
			this.jdbc.sql("DELETE FROM sign_in_link WHERE clinic_id = ? AND account_id = ?")
				.params(clinicId.value(), account.id())
				.update();
			this.jdbc.sql("DELETE FROM passkey WHERE clinic_id = ? AND account_id = ?")
				.params(clinicId.value(), account.id())
				.update();
			this.jdbc.sql("DELETE FROM passkey_user WHERE clinic_id = ? AND account_id = ?")
				.params(clinicId.value(), account.id())
				.update();
			String key = LoginThrottle.emailKey(email);
			this.jdbc.sql("DELETE FROM login_attempt WHERE email_hash = ?").param(key).update();
			this.jdbc.sql("DELETE FROM login_lock WHERE kind = 'EMAIL' AND subject = ?").param(key).update();
			this.jdbc.sql("DELETE FROM password_reset_request WHERE email_hash = ?").param(key).update();
			account.erase("erased-" + patientId + "@invalid", "Erased Patient");
			return email;
		});
	}

	/**
	 * The patient's login when it may be used (not disabled, not erased), whether or not
	 * they have set a password: a check-in link acts for that login.
	 */
	@Transactional(readOnly = true)
	public Optional<AccountId> enabledPatientLogin(ClinicId clinicId, UUID patientId) {
		return this.accounts.findByClinicIdAndPatientId(clinicId.value(), patientId)
			.filter(UserAccount::enabled)
			.map((account) -> new AccountId(account.id()));
	}

	/**
	 * {@link #enabledPatientLogin} with the login's language, from the same read: a
	 * check-in link's pages are in it.
	 */
	@Transactional(readOnly = true)
	public Optional<PatientLogin> enabledPatientLoginWithLanguage(ClinicId clinicId, UUID patientId) {
		return this.accounts.findByClinicIdAndPatientId(clinicId.value(), patientId)
			.filter(UserAccount::enabled)
			.map((account) -> new PatientLogin(new AccountId(account.id()), account.language()));
	}

	/**
	 * Whether the patient has accepted their invitation: set a password, or chosen to
	 * sign in with e-mailed links and so have none.
	 */
	@Transactional(readOnly = true)
	public boolean hasActivated(ClinicId clinicId, UUID patientId) {
		Instant now = this.clock.instant();
		return this.accounts.findByClinicIdAndPatientId(clinicId.value(), patientId)
			.map((account) -> activated(account, now))
			.orElse(false);
	}

	private boolean activated(UserAccount account, Instant now) {
		return account.passwordHash() != null
				|| this.invitations.findByClinicIdAndAccountId(account.clinicId(), account.id())
					.stream()
					.anyMatch((invitation) -> invitation.state(now) == Invitation.State.USED);
	}

	/**
	 * The clinic's clinicians by name, former ones included (they still name the injector
	 * of past treatments). One indexed read of the five columns a list needs (the queue
	 * reads it on every page); no entity, so no password hash, leaves the table.
	 */
	@Transactional(readOnly = true)
	public List<AccountSummary> clinicians(ClinicId clinicId) {
		return this.jdbc.sql(CLINICIANS + " ORDER BY display_name").param(clinicId.value()).query(SUMMARY).list();
	}

	/**
	 * Where a clinic's alerts go when it has set no on-call addresses: its clinicians who
	 * can sign in (enabled, password set). A disabled login, a clinician who left, gets
	 * no more patient alerts.
	 */
	@Transactional(readOnly = true)
	public List<String> alertableClinicianEmails(ClinicId clinicId) {
		return this.jdbc.sql(CLINICIANS + " AND enabled AND password_hash IS NOT NULL ORDER BY display_name")
			.param(clinicId.value())
			.query(SUMMARY)
			.list()
			.stream()
			.map(AccountSummary::email)
			.toList();
	}

	/** A clinic's logins as {@link #SUMMARY} reads them. */
	private static final String SUMMARIES = """
			SELECT id, clinic_id, email, display_name, role FROM user_account WHERE clinic_id = ?""";

	private static final String CLINICIANS = SUMMARIES + " AND role = 'CLINICIAN'";

	private static final RowMapper<AccountSummary> SUMMARY = (rs, n) -> new AccountSummary(
			new AccountId(rs.getObject("id", UUID.class)), new ClinicId(rs.getObject("clinic_id", UUID.class)),
			rs.getString("email"), rs.getString("display_name"), Role.valueOf(rs.getString("role")));

	/**
	 * A login of the clinic, as a summary: one indexed read of five columns, no entity
	 * (the flag page names the injector with it on every view).
	 */
	@Transactional(readOnly = true)
	public Optional<AccountSummary> find(ClinicId clinicId, AccountId accountId) {
		return this.jdbc.sql(SUMMARIES + " AND id = ?")
			.params(clinicId.value(), accountId.value())
			.query(SUMMARY)
			.optional();
	}

	/** Logins of the clinic by id, as summaries, in one statement. */
	@Transactional(readOnly = true)
	public List<AccountSummary> findAll(ClinicId clinicId, Collection<AccountId> accountIds) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT id, clinic_id, email, display_name, role FROM user_account
				 WHERE clinic_id = :clinic AND id IN (:ids)""")
			.param("clinic", clinicId.value())
			.param("ids", accountIds.stream().map(AccountId::value).distinct().toList())
			.query(SUMMARY)
			.list();
	}

	/** Whether any clinic has a login with this e-mail (one address, one login). */
	@Transactional(readOnly = true)
	public boolean emailTaken(String email) {
		return ClinicScope.acrossClinics(ClinicScope.Reason.EMAIL_IN_USE, () -> this.accounts.emailTaken(email));
	}

	/** One clinician of the clinic. */
	@Transactional(readOnly = true)
	public Optional<ClinicianRecord> findClinician(ClinicId clinicId, AccountId accountId) {
		return this.jdbc.sql("""
				SELECT id, display_name, enabled, created_at FROM user_account
				 WHERE clinic_id = ? AND id = ? AND role = 'CLINICIAN'
				""").params(clinicId.value(), accountId.value()).query(AccountService::clinicianRecord).optional();
	}

	/**
	 * The clinic's clinicians in the order their accounts were made, a page at a time.
	 */
	@Transactional(readOnly = true)
	public List<ClinicianRecord> clinicianRecords(ClinicId clinicId, KeysetPage page) {
		return page
			.bind(this.jdbc.sql("""
					SELECT id, display_name, enabled, created_at FROM user_account
					 WHERE clinic_id = :clinic AND role = 'CLINICIAN'""" + page.conditions("created_at", "id")
					+ " ORDER BY created_at, id LIMIT :keyset_limit")
				.param("clinic", clinicId.value()))
			.query(AccountService::clinicianRecord)
			.list();
	}

	private static ClinicianRecord clinicianRecord(ResultSet rs, int n) throws SQLException {
		return new ClinicianRecord(new AccountId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getBoolean(3),
				rs.getTimestamp(4).toInstant());
	}

	@Transactional(readOnly = true)
	public List<StaffMember> staff(ClinicId clinicId) {
		return this.accounts
			.findByClinicIdAndRoleInOrderByDisplayName(clinicId.value(), List.of(Role.CLINICIAN, Role.ADMIN))
			.stream()
			.map((a) -> new StaffMember(a.id(), a.email(), a.displayName(), a.role(), a.enabled(),
					a.passwordHash() != null))
			.toList();
	}

	/**
	 * Disables or enables a staff login of the clinic; a disabled user's sessions end at
	 * once.
	 * @return the account's e-mail, for ending its sessions
	 */
	@Transactional
	public String setEnabled(ClinicId clinicId, AccountId accountId, boolean enabled) {
		UserAccount account = this.accounts.findByIdAndClinicId(accountId.value(), clinicId.value())
			.filter((a) -> a.role() != Role.PATIENT)
			.orElseThrow(() -> new NotFoundException("account"));
		account.setEnabled(enabled);
		return account.email();
	}

}
