package org.aftercare.triage;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface FlagEvidenceRepository extends Repository<FlagEvidence, UUID> {

	List<FlagEvidence> findByClinicIdAndReportId(UUID clinicId, UUID reportId);

}
