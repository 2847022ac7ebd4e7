package org.aftercare.account;

import java.util.UUID;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.clinic.ClinicService;
import org.aftercare.security.CurrentUser;

/**
 * Loads a login by e-mail, with the clinic it belongs to.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	private final ClinicService clinics;

	AccountUserDetailsService(UserAccountRepository accounts, ClinicService clinics) {
		this.accounts = accounts;
		this.clinics = clinics;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		UserAccount account = this.accounts.findByEmail(email)
			.orElseThrow(() -> new UsernameNotFoundException("unknown account"));
		String zone = this.clinics.timeZone(account.clinicId());
		return new CurrentUser(account.id(), account.clinicId(), account.patientId(), account.email(),
				account.displayName(), account.role(), zone, account.passwordHash(), account.enabled());
	}

	@Transactional
	void changePasswordHash(UUID clinicId, UUID accountId, String passwordHash) {
		this.accounts.findByIdAndClinicId(accountId, clinicId)
			.ifPresent((account) -> account.changePassword(passwordHash));
	}

}
