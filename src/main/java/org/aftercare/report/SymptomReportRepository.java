package org.aftercare.report;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Reports with their entries are read by JPQL with {@code join fetch}, not by derived
 * queries with an entity graph: Hibernate caches the plan of a JPQL statement, while a
 * derived query with a graph was translated to SQL again on every call (5% of the flag
 * page).
 */
interface SymptomReportRepository extends Repository<SymptomReport, UUID> {

	@Query("select r from SymptomReport r left join fetch r.entries where r.id = ?1 and r.clinicId = ?2")
	Optional<SymptomReport> findByIdAndClinicId(UUID id, UUID clinicId);

	@Query("select r from SymptomReport r left join fetch r.entries where r.id = ?1 and r.clinicId = ?2 and r.patientId = ?3")
	Optional<SymptomReport> findByIdAndClinicIdAndPatientId(UUID id, UUID clinicId, UUID patientId);

	Optional<SymptomReport> findByClinicIdAndFormToken(UUID clinicId, UUID formToken);

	/** Publishes the report's {@link ReportSubmitted} when it is new. */
	SymptomReport save(SymptomReport report);

	/**
	 * The patient's latest reports with their entries, newest first: one statement, whose
	 * SQL Hibernate translates once (with the ids as a list parameter it translated the
	 * query again on every call, 6% of {@code GET /me}).
	 */
	@Query("select r from SymptomReport r left join fetch r.entries"
			+ " where r.clinicId = ?1 and r.id in (select l.id from SymptomReport l"
			+ " where l.clinicId = ?1 and l.patientId = ?2 order by l.submittedAt desc limit "
			+ ReportService.HISTORY_LIMIT + ") order by r.submittedAt desc")
	List<SymptomReport> findLatestWithEntries(UUID clinicId, UUID patientId);

	/**
	 * An episode as entities. The application reads episodes with {@link EpisodeReports};
	 * this stays as the reference {@code SymptomReportRepositoryTests} holds that read
	 * to.
	 */
	@Query("select r from SymptomReport r left join fetch r.entries where r.clinicId = ?1 and r.treatmentId = ?2 order by r.submittedAt")
	List<SymptomReport> findByClinicIdAndTreatmentIdOrderBySubmittedAtAsc(UUID clinicId, UUID treatmentId);

	@Query("select e from SymptomReport r join r.entries e where e.id = ?1 and r.clinicId = ?2 and r.patientId = ?3")
	Optional<SymptomEntry> findEntry(UUID entryId, UUID clinicId, UUID patientId);

	@Query("select count(e) from SymptomReport r join r.entries e where e.id in ?1 and r.clinicId = ?2 and r.patientId = ?3")
	long countEntries(Collection<UUID> entryIds, UUID clinicId, UUID patientId);

	@Query("""
			select distinct e.otherDescription from SymptomReport r join r.entries e
			 where r.clinicId = ?1 and r.patientId = ?2 and e.otherDescription is not null""")
	List<String> findOtherDescriptions(UUID clinicId, UUID patientId);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update SymptomReport r set r.notes = null, r.medicines = null where r.clinicId = ?1 and r.patientId = ?2")
	int eraseReportText(UUID clinicId, UUID patientId);

	// Entries are immutable in the mapping (updatable = false), so their erasure is plain
	// SQL.
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			UPDATE symptom_entry e SET other_description = NULL
			  FROM symptom_report r
			 WHERE r.clinic_id = e.clinic_id AND r.id = e.report_id
			   AND r.clinic_id = ?1 AND r.patient_id = ?2 AND e.other_description IS NOT NULL""", nativeQuery = true)
	int eraseEntryText(UUID clinicId, UUID patientId);

}
