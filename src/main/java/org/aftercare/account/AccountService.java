package org.aftercare.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.security.Role;

/**
 * The account facade other modules use: staff lists, and creating logins.
 */
@Service
public class AccountService {

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/** A staff member or patient as other modules see them. */
	public record AccountSummary(UUID id, UUID clinicId, String email, String displayName, Role role) {
	}

	/**
	 * Creates a login with a password chosen now. Returns the new account's id.
	 */
	@Transactional
	public UUID create(UUID clinicId, String email, String rawPassword, Role role, String displayName, UUID patientId) {
		if (this.accounts.existsByEmailIgnoreCase(email.trim())) {
			throw new IllegalArgumentException("an account with this e-mail already exists");
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
		if (this.accounts.existsByEmailIgnoreCase(email.trim())) {
			throw new IllegalArgumentException("an account with this e-mail already exists");
		}
		UserAccount account = new UserAccount(clinicId, email, null, role, displayName, patientId,
				this.clock.instant());
		return this.accounts.save(account).id();
	}

	@Transactional(readOnly = true)
	public List<AccountSummary> clinicians(UUID clinicId) {
		return this.accounts.findByClinicIdAndRoleOrderByDisplayName(clinicId, Role.CLINICIAN)
			.stream()
			.map(AccountService::summary)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<AccountSummary> find(UUID clinicId, UUID accountId) {
		return this.accounts.findByIdAndClinicId(accountId, clinicId).map(AccountService::summary);
	}

	@Transactional(readOnly = true)
	public boolean emailTaken(String email) {
		return this.accounts.existsByEmailIgnoreCase(email.trim());
	}

	private static AccountSummary summary(UserAccount account) {
		return new AccountSummary(account.id(), account.clinicId(), account.email(), account.displayName(),
				account.role());
	}

}
