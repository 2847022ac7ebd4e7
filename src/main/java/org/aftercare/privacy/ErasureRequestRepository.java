package org.aftercare.privacy;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface ErasureRequestRepository extends Repository<ErasureRequest, UUID> {

	Optional<ErasureRequest> findByClinicIdAndPatientIdAndDecisionIsNull(UUID clinicId, UUID patientId);

	Optional<ErasureRequest> findByIdAndClinicIdAndDecisionIsNull(UUID id, UUID clinicId);

	ErasureRequest save(ErasureRequest request);

}
