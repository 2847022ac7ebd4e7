package org.aftercare.triage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import org.aftercare.triage.rules.RuleCode;

interface FlagRepository extends Repository<Flag, UUID> {

	/** The open (or acknowledged) flags of one episode: at most one per rule. */
	@Query("select f from Flag f where f.clinicId = ?1 and f.treatmentId = ?2 and f.status <> org.aftercare.triage.FlagStatus.RESOLVED")
	List<Flag> findUnresolvedInEpisode(UUID clinicId, UUID treatmentId);

	List<Flag> findByClinicIdAndTreatmentIdAndRuleCode(UUID clinicId, UUID treatmentId, RuleCode rule);

	/**
	 * R13's candidates across clinics, oldest first: not yet acknowledged (HIGH,
	 * EMERGENCY), or waiting for a patient's answer. The rule decides which of them
	 * escalate.
	 */
	@Query("""
			select f from Flag f
			 where (f.status = org.aftercare.triage.FlagStatus.OPEN
			        and f.priority in (org.aftercare.triage.rules.Priority.HIGH,
			                           org.aftercare.triage.rules.Priority.EMERGENCY))
			    or (f.status <> org.aftercare.triage.FlagStatus.RESOLVED and f.followUpRequestedAt is not null)
			 order by f.raisedAt""")
	List<Flag> findNoReplyCandidates(org.springframework.data.domain.Limit limit);

	Optional<Flag> findByIdAndClinicId(UUID id, UUID clinicId);

	/** Publishes the flag's alerts, if any ({@link Flag#domainEvents()}). */
	Flag save(Flag flag);

}
