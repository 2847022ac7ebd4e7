package org.aftercare.report;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface SymptomReportRepository extends Repository<SymptomReport, UUID> {

	@EntityGraph(attributePaths = "entries")
	Optional<SymptomReport> findByIdAndClinicId(UUID id, UUID clinicId);

	@EntityGraph(attributePaths = "entries")
	Optional<SymptomReport> findByIdAndClinicIdAndPatientId(UUID id, UUID clinicId, UUID patientId);

	Optional<SymptomReport> findByClinicIdAndFormToken(UUID clinicId, UUID formToken);

	@Query("select r.id from SymptomReport r where r.clinicId = ?1 and r.patientId = ?2 order by r.submittedAt desc")
	List<UUID> findLatestIds(UUID clinicId, UUID patientId, Limit limit);

	@EntityGraph(attributePaths = "entries")
	List<SymptomReport> findByClinicIdAndIdInOrderBySubmittedAtDesc(UUID clinicId, List<UUID> ids);

	@EntityGraph(attributePaths = "entries")
	List<SymptomReport> findByClinicIdAndTreatmentIdOrderBySubmittedAtAsc(UUID clinicId, UUID treatmentId);

	SymptomReport save(SymptomReport report);

}
