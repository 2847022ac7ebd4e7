package org.aftercare.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface InvitationRepository extends Repository<Invitation, UUID> {

	Optional<Invitation> findByTokenHash(String tokenHash);

	List<Invitation> findByClinicIdAndAccountId(UUID clinicId, UUID accountId);

	Invitation save(Invitation invitation);

}
