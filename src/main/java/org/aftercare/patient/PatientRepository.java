package org.aftercare.patient;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface PatientRepository extends Repository<Patient, UUID> {

	Optional<Patient> findByIdAndClinicId(UUID id, UUID clinicId);

	Patient save(Patient patient);

}
