package org.aftercare.interop;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ApiClientRepository extends Repository<ApiClient, UUID> {

	ApiClient save(ApiClient client);

	List<ApiClient> findByClinicIdOrderByCreatedAtDesc(UUID clinicId);

	Optional<ApiClient> findByIdAndClinicId(UUID id, UUID clinicId);

	Optional<ApiClient> findByTokenHash(String tokenHash);

	Optional<ApiClient> findByClinicIdAndFormToken(UUID clinicId, UUID formToken);

	/**
	 * Writes the last use unless a later one is there already: two requests of one client
	 * racing never move it back, and never fail on the version.
	 */
	@Modifying
	@Query("UPDATE ApiClient c SET c.lastUsedAt = :at WHERE c.clinicId = :clinicId AND c.id = :id "
			+ "AND (c.lastUsedAt IS NULL OR c.lastUsedAt < :at)")
	int touch(UUID clinicId, UUID id, Instant at);

}
