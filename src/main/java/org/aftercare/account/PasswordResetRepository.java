package org.aftercare.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface PasswordResetRepository extends Repository<PasswordReset, UUID> {

	Optional<PasswordReset> findByTokenHash(String tokenHash);

	List<PasswordReset> findByClinicIdAndAccountId(UUID clinicId, UUID accountId);

	PasswordReset save(PasswordReset reset);

}
