package org.aftercare.treatment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface TreatmentRepository extends Repository<Treatment, UUID> {

	@Query("select t.id from Treatment t where t.clinicId = ?1 and t.patientId = ?2 order by t.treatedAt desc")
	List<UUID> findLatestIds(UUID clinicId, UUID patientId, Limit limit);

	// JPQL with join fetch rather than an entity graph: its plan is cached (issue 8).
	@Query("select t from Treatment t left join fetch t.areas where t.id = ?1 and t.clinicId = ?2")
	Optional<Treatment> findByIdAndClinicId(UUID id, UUID clinicId);

	Optional<Treatment> findByClinicIdAndFormToken(UUID clinicId, UUID formToken);

	Treatment save(Treatment treatment);

}
