package org.aftercare.clinic;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface ClinicRepository extends Repository<Clinic, UUID> {

	Optional<Clinic> findById(UUID id);

	Optional<Clinic> findByName(String name);

	Clinic save(Clinic clinic);

}
