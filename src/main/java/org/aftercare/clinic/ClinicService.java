package org.aftercare.clinic;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.web.NotFoundException;

/**
 * The clinic facade: who the clinic is and how to reach it.
 */
@Service
public class ClinicService {

	private final ClinicRepository clinics;

	private final Clock clock;

	ClinicService(ClinicRepository clinics, Clock clock) {
		this.clinics = clinics;
		this.clock = clock;
	}

	/** What the rest of the app needs to know of a clinic. */
	public record ClinicSummary(UUID id, String name, String phone, String emergencyNumber, String timeZone) {
	}

	@Transactional(readOnly = true)
	public ClinicSummary get(UUID clinicId) {
		return this.clinics.findById(clinicId).map(Clinic::summary).orElseThrow(() -> new NotFoundException("clinic"));
	}

	@Transactional(readOnly = true)
	public Optional<ClinicSummary> findByName(String name) {
		return this.clinics.findByName(name).map(Clinic::summary);
	}

	@Transactional(readOnly = true)
	public String timeZone(UUID clinicId) {
		return get(clinicId).timeZone();
	}

	@Transactional
	public UUID create(String name, String phone, String emergencyNumber, String timeZone) {
		return this.clinics.save(new Clinic(name, phone, emergencyNumber, timeZone, this.clock.instant())).id();
	}

}
