package org.aftercare.clinic;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditLog;
import org.aftercare.web.NotFoundException;

/**
 * The clinic facade: who the clinic is and how to reach it.
 */
@Service
public class ClinicService {

	private final ClinicRepository clinics;

	private final AuditLog audit;

	private final Clock clock;

	ClinicService(ClinicRepository clinics, AuditLog audit, Clock clock) {
		this.clinics = clinics;
		this.audit = audit;
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

	/**
	 * Where alerts go: comma-separated addresses, or null when the clinic has set none.
	 */
	@Transactional(readOnly = true)
	public String onCallEmails(UUID clinicId) {
		return this.clinics.findById(clinicId).map(Clinic::onCallEmails).orElse(null);
	}

	@Transactional(readOnly = true)
	public String timeZone(UUID clinicId) {
		return get(clinicId).timeZone();
	}

	/** Saves the clinic's contact details and audits each changed value (old and new). */
	@Transactional
	void update(UUID clinicId, ClinicForm form) {
		Clinic clinic = this.clinics.findById(clinicId).orElseThrow(() -> new NotFoundException("clinic"));
		ClinicSummary before = clinic.summary();
		String onCallBefore = clinic.onCallEmails();
		clinic.update(form);
		ClinicSummary after = clinic.summary();
		List<String> changes = new ArrayList<>();
		change(changes, "name", before.name(), after.name());
		change(changes, "phone", before.phone(), after.phone());
		change(changes, "emergencyNumber", before.emergencyNumber(), after.emergencyNumber());
		change(changes, "timeZone", before.timeZone(), after.timeZone());
		change(changes, "onCallEmails", String.valueOf(onCallBefore), String.valueOf(clinic.onCallEmails()));
		if (!changes.isEmpty()) {
			this.audit.record(new AuditLog.Event(clinicId, null, "CLINIC_SETTINGS_CHANGED", "clinic", clinicId,
					String.join("; ", changes)));
		}
	}

	private static void change(List<String> changes, String field, String before, String after) {
		if (!before.equals(after)) {
			changes.add(field + ": " + before + " -> " + after);
		}
	}

	@Transactional
	public UUID create(String name, String phone, String emergencyNumber, String timeZone) {
		return this.clinics.save(new Clinic(name, phone, emergencyNumber, timeZone, this.clock.instant())).id();
	}

}
