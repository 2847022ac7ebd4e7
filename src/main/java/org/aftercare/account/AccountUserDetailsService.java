package org.aftercare.account;

import java.util.UUID;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.clinic.ClinicService;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.security.CurrentUser;

/**
 * Loads a login by e-mail, with the clinic it belongs to. The e-mail is all there is to
 * go by, so the lookup runs across clinics ({@link ClinicScope.Reason#SIGN_IN}).
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	private final ClinicService clinics;

	private final TransactionTemplate readOnly;

	AccountUserDetailsService(UserAccountRepository accounts, ClinicService clinics,
			PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.clinics = clinics;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		CurrentUser user = ClinicScope.acrossClinics(ClinicScope.Reason.SIGN_IN,
				() -> this.readOnly.execute((status) -> this.accounts.findByEmail(email).map((account) -> {
					String zone = this.clinics.timeZone(new ClinicId(account.clinicId()));
					return new CurrentUser(account.id(), account.clinicId(), account.patientId(), account.email(),
							account.displayName(), account.role(), zone, account.passwordHash(), account.enabled(),
							account.language());
				}).orElse(null)));
		if (user == null) {
			throw new UsernameNotFoundException("unknown account");
		}
		return user;
	}

	@Transactional
	void changePasswordHash(UUID clinicId, UUID accountId, String passwordHash) {
		this.accounts.findByIdAndClinicId(accountId, clinicId)
			.ifPresent((account) -> account.changePassword(passwordHash));
	}

}
