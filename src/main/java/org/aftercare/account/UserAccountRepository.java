package org.aftercare.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import org.aftercare.security.Role;

interface UserAccountRepository extends Repository<UserAccount, UUID> {

	/**
	 * The account with this e-mail, in any clinic the transaction may see. Addresses are
	 * stored normalised, so the lookup compares the column itself: under row-level
	 * security PostgreSQL uses an index only for leakproof conditions, which
	 * {@code lower(email)} is not.
	 */
	default Optional<UserAccount> findByEmail(String email) {
		return findByNormalisedEmail(UserAccount.normalise(email));
	}

	@Query("select u from UserAccount u where u.email = ?1")
	Optional<UserAccount> findByNormalisedEmail(String email);

	List<UserAccount> findByClinicIdAndRoleInOrderByDisplayName(UUID clinicId, List<Role> roles);

	Optional<UserAccount> findByIdAndClinicId(UUID id, UUID clinicId);

	Optional<UserAccount> findByClinicIdAndPatientId(UUID clinicId, UUID patientId);

	Optional<UserAccount> findByIdAndClinicIdAndEnabledTrue(UUID id, UUID clinicId);

	/** Whether an account has this e-mail (compared as {@link #findByEmail} does). */
	default boolean emailTaken(String email) {
		return existsByEmail(UserAccount.normalise(email));
	}

	boolean existsByEmail(String email);

	UserAccount save(UserAccount account);

}
