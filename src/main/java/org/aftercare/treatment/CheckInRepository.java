package org.aftercare.treatment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CheckInRepository extends Repository<CheckIn, UUID> {

	CheckIn save(CheckIn checkIn);

	List<CheckIn> findByClinicIdAndTreatmentIdOrderByDueAtAsc(UUID clinicId, UUID treatmentId);

	java.util.Optional<CheckIn> findByClinicIdAndId(UUID clinicId, UUID id);

	/**
	 * The reminder job's work, across clinics (served by the partial index
	 * check_in_due_idx).
	 */
	@Query("""
			select c from CheckIn c
			where c.dueAt <= ?1 and c.remindedAt is null and c.answeredAt is null
			order by c.dueAt asc, c.id asc""")
	List<CheckIn> findDue(Instant now, Limit limit);

	@Modifying(flushAutomatically = true)
	@Query("update CheckIn c set c.remindedAt = ?3 where c.clinicId = ?1 and c.id = ?2 and c.remindedAt is null")
	int markReminded(UUID clinicId, UUID checkInId, Instant at);

	@Modifying(flushAutomatically = true)
	@Query("""
			update CheckIn c set c.answeredAt = ?3, c.answerReportId = ?4
			where c.clinicId = ?1 and c.treatmentId = ?2 and c.dueAt <= ?3 and c.answeredAt is null""")
	int markAnswered(UUID clinicId, UUID treatmentId, Instant at, UUID reportId);

}
