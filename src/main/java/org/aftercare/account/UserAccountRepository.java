package org.aftercare.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import org.aftercare.security.Role;

interface UserAccountRepository extends Repository<UserAccount, UUID> {

	@Query("select u from UserAccount u where lower(u.email) = lower(?1)")
	Optional<UserAccount> findByEmail(String email);

	List<UserAccount> findByClinicIdAndRoleOrderByDisplayName(UUID clinicId, Role role);

	List<UserAccount> findByClinicIdAndRoleInOrderByDisplayName(UUID clinicId, List<Role> roles);

	Optional<UserAccount> findByIdAndClinicId(UUID id, UUID clinicId);

	Optional<UserAccount> findByClinicIdAndPatientId(UUID clinicId, UUID patientId);

	Optional<UserAccount> findByIdAndClinicIdAndEnabledTrue(UUID id, UUID clinicId);

	boolean existsByEmailIgnoreCase(String email);

	UserAccount save(UserAccount account);

}
