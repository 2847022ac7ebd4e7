package org.aftercare.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.security.ClinicScope;
import org.aftercare.security.Role;
import org.aftercare.web.KeysetPage;
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

	AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, InvitationRepository invitations,
			ApplicationEventPublisher events, Clock clock,
			@Value("${aftercare.invitation.lifetime:PT72H}") Duration invitationLifetime, PasswordPolicy passwords,
			JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.invitations = invitations;
		this.events = events;
		this.clock = clock;
		this.invitationLifetime = invitationLifetime;
	}

	/** A staff member or patient as other modules see them. */
	public record AccountSummary(UUID id, UUID clinicId, String email, String displayName, Role role) {
	}

	/**
	 * Creates a login with a password chosen now. Returns the new account's id.
	 */
	@Transactional
	public UUID create(UUID clinicId, String email, String rawPassword, Role role, String displayName, UUID patientId) {
		if (emailTaken(email)) {
			throw new IllegalArgumentException("an account with this e-mail already exists");
		}
		List<String> problems = this.passwords.problems(rawPassword, email);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("the password breaks the password policy: " + problems);
		}
		UserAccount account = new UserAccount(clinicId, email, this.passwordEncoder.encode(rawPassword), role,
				displayName, patientId, this.clock.instant());
		return this.accounts.save(account).id();
	}

	/**
	 * Creates a login without a password and e-mails a one-time invitation link with
	 * which the person sets it. Returns the new account's id.
	 */
	@Transactional
	public UUID invite(UUID clinicId, String email, String displayName, Role role, UUID patientId) {
		if (emailTaken(email)) {
			throw new IllegalArgumentException("an account with this e-mail already exists");
		}
		UserAccount account = new UserAccount(clinicId, email, null, role, displayName, patientId,
				this.clock.instant());
		UUID id = this.accounts.save(account).id();
		issueInvitation(account);
		return id;
	}

	/**
	 * A new invitation link for a patient who has not set a password yet; earlier links
	 * stop working.
	 * @return whether one was sent (false when the patient has set their password
	 * already)
	 */
	@Transactional
	public boolean resendInvitation(UUID clinicId, UUID patientId) {
		UserAccount account = this.accounts.findByClinicIdAndPatientId(clinicId, patientId)
			.orElseThrow(() -> new NotFoundException("account"));
		Instant now = this.clock.instant();
		if (activated(account, now)) {
			return false;
		}
		this.invitations.findByClinicIdAndAccountId(clinicId, account.id()).forEach((i) -> i.withdraw(now));
		issueInvitation(account);
		return true;
	}

	private void issueInvitation(UserAccount account) {
		String token = Tokens.newToken();
		Instant now = this.clock.instant();
		Invitation invitation = new Invitation(account.clinicId(), account.id(), Tokens.hash(token), now,
				now.plus(this.invitationLifetime));
		this.invitations.save(invitation);
		this.events
			.publishEvent(new InvitationIssued(account.clinicId(), account.id(), account.email(), account.displayName(),
					token, now.plus(this.invitationLifetime), account.role() != Role.PATIENT, account.patientId()));
	}

	/**
	 * Erasure of a patient's login: the password and the name go, the account is
	 * disabled, and the traces the address left go too: invitation, password reset and
	 * sign-in links (used or not), its passkeys, the login attempts and locks and the
	 * reset requests kept by a hash of it. Returns the e-mail the account had, by which
	 * its sessions are found; empty when the clinic has no such login.
	 */
	@Transactional
	public Optional<String> erasePatientLogin(UUID clinicId, UUID patientId) {
		Optional<UserAccount> found = this.accounts.findByClinicIdAndPatientId(clinicId, patientId);
		return found.map((account) -> {
			String email = account.email();
			this.jdbc.sql("DELETE FROM invitation WHERE clinic_id = ? AND account_id = ?")
				.params(clinicId, account.id())
				.update();
			this.jdbc.sql("DELETE FROM password_reset WHERE clinic_id = ? AND account_id = ?")
				.params(clinicId, account.id())
				.update();
			this.jdbc.sql("DELETE FROM sign_in_link WHERE clinic_id = ? AND account_id = ?")
				.params(clinicId, account.id())
				.update();
			this.jdbc.sql("DELETE FROM passkey WHERE clinic_id = ? AND account_id = ?")
				.params(clinicId, account.id())
				.update();
			this.jdbc.sql("DELETE FROM passkey_user WHERE clinic_id = ? AND account_id = ?")
				.params(clinicId, account.id())
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
	public Optional<UUID> enabledPatientLogin(UUID clinicId, UUID patientId) {
		return this.accounts.findByClinicIdAndPatientId(clinicId, patientId)
			.filter(UserAccount::enabled)
			.map(UserAccount::id);
	}

	/**
	 * Whether the patient has accepted their invitation: set a password, or chosen to
	 * sign in with e-mailed links and so have none.
	 */
	@Transactional(readOnly = true)
	public boolean hasActivated(UUID clinicId, UUID patientId) {
		Instant now = this.clock.instant();
		return this.accounts.findByClinicIdAndPatientId(clinicId, patientId)
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
	public List<AccountSummary> clinicians(UUID clinicId) {
		return this.jdbc.sql(CLINICIANS + " ORDER BY display_name").param(clinicId).query(SUMMARY).list();
	}

	/**
	 * Where a clinic's alerts go when it has set no on-call addresses: its clinicians who
	 * can sign in (enabled, password set). A disabled login, a clinician who left, gets
	 * no more patient alerts.
	 */
	@Transactional(readOnly = true)
	public List<String> alertableClinicianEmails(UUID clinicId) {
		return this.jdbc.sql(CLINICIANS + " AND enabled AND password_hash IS NOT NULL ORDER BY display_name")
			.param(clinicId)
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
			rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getString("email"),
			rs.getString("display_name"), Role.valueOf(rs.getString("role")));

	/**
	 * A login of the clinic, as a summary: one indexed read of five columns, no entity
	 * (the flag page names the injector with it on every view).
	 */
	@Transactional(readOnly = true)
	public Optional<AccountSummary> find(UUID clinicId, UUID accountId) {
		return this.jdbc.sql(SUMMARIES + " AND id = ?").params(clinicId, accountId).query(SUMMARY).optional();
	}

	/** Whether any clinic has a login with this e-mail (one address, one login). */
	@Transactional(readOnly = true)
	public boolean emailTaken(String email) {
		return ClinicScope.acrossClinics(ClinicScope.Reason.EMAIL_IN_USE, () -> this.accounts.emailTaken(email));
	}

	/** A staff member as the admin's page lists them. */
	public record StaffMember(UUID id, String email, String displayName, Role role, boolean enabled,
			boolean activated) {
	}

	/**
	 * A clinician as the clinic's exports see them (the FHIR API's Practitioner): no
	 * e-mail address, which nothing there needs.
	 */
	public record ClinicianRecord(UUID id, String displayName, boolean enabled, Instant recordedAt) {
	}

	/** One clinician of the clinic. */
	@Transactional(readOnly = true)
	public Optional<ClinicianRecord> findClinician(UUID clinicId, UUID accountId) {
		return this.jdbc.sql("""
				SELECT id, display_name, enabled, created_at FROM user_account
				 WHERE clinic_id = ? AND id = ? AND role = 'CLINICIAN'
				""").params(clinicId, accountId).query(AccountService::clinicianRecord).optional();
	}

	/**
	 * The clinic's clinicians in the order their accounts were made, a page at a time.
	 */
	@Transactional(readOnly = true)
	public List<ClinicianRecord> clinicianRecords(UUID clinicId, KeysetPage page) {
		return page
			.bind(this.jdbc.sql("""
					SELECT id, display_name, enabled, created_at FROM user_account
					 WHERE clinic_id = :clinic AND role = 'CLINICIAN'""" + page.conditions("created_at", "id")
					+ " ORDER BY created_at, id LIMIT :keyset_limit")
				.param("clinic", clinicId))
			.query(AccountService::clinicianRecord)
			.list();
	}

	private static ClinicianRecord clinicianRecord(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ClinicianRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
				rs.getTimestamp(4).toInstant());
	}

	@Transactional(readOnly = true)
	public List<StaffMember> staff(UUID clinicId) {
		return this.accounts.findByClinicIdAndRoleInOrderByDisplayName(clinicId, List.of(Role.CLINICIAN, Role.ADMIN))
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
	public String setEnabled(UUID clinicId, UUID accountId, boolean enabled) {
		UserAccount account = this.accounts.findByIdAndClinicId(accountId, clinicId)
			.filter((a) -> a.role() != Role.PATIENT)
			.orElseThrow(() -> new NotFoundException("account"));
		account.setEnabled(enabled);
		return account.email();
	}

}
