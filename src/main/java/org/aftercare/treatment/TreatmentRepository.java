package org.aftercare.treatment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface TreatmentRepository extends Repository<Treatment, UUID> {

	/**
	 * The patient's latest treatment with its areas, in one statement (the submit and
	 * {@code GET /me} read it on every request; it was the id, then the treatment). JPQL
	 * with join fetch rather than an entity graph: its plan is cached.
	 */
	@Query("select t from Treatment t left join fetch t.areas where t.clinicId = ?1 and t.id = "
			+ "(select l.id from Treatment l where l.clinicId = ?1 and l.patientId = ?2 order by l.treatedAt desc limit 1)")
	Optional<Treatment> findLatest(UUID clinicId, UUID patientId);

	Optional<Treatment> findByClinicIdAndFormToken(UUID clinicId, UUID formToken);

	/** Every treatment of the patient with its areas, oldest first. */
	@Query("select distinct t from Treatment t left join fetch t.areas where t.clinicId = ?1 and t.patientId = ?2 "
			+ "order by t.treatedAt, t.id")
	List<Treatment> findAllOfPatient(UUID clinicId, UUID patientId);

	Treatment save(Treatment treatment);

}
