package org.aftercare.triage;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface TriageSettingsRepository extends Repository<TriageSettings, UUID> {

	Optional<TriageSettings> findById(UUID clinicId);

	TriageSettings save(TriageSettings settings);

}
