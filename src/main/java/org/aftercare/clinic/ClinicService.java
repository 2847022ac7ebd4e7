package org.aftercare.clinic;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.security.ClinicId;
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

	@Transactional(readOnly = true)
	public ClinicSummary get(ClinicId clinicId) {
		return this.clinics.findById(clinicId.value())
			.map(Clinic::summary)
			.orElseThrow(() -> new NotFoundException("clinic"));
	}

	@Transactional(readOnly = true)
	public Optional<ClinicSummary> findByName(String name) {
		return this.clinics.findByName(name).map(Clinic::summary);
	}

	/**
	 * Where alerts go: comma-separated addresses, or null when the clinic has set none.
	 */
	@Transactional(readOnly = true)
	public String onCallEmails(ClinicId clinicId) {
		return this.clinics.findById(clinicId.value()).map(Clinic::onCallEmails).orElse(null);
	}

	@Transactional(readOnly = true)
	public String timeZone(ClinicId clinicId) {
		return get(clinicId).timeZone();
	}

	/** Saves the clinic's contact details and audits each changed value (old and new). */
	@Transactional
	void update(ClinicId clinicId, ClinicSettingsChange change) {
		Clinic clinic = this.clinics.findById(clinicId.value()).orElseThrow(() -> new NotFoundException("clinic"));
		ClinicSummary before = clinic.summary();
		String onCallBefore = clinic.onCallEmails();
		String checkInsBefore = clinic.checkInOffsets();
		Integer linkHoursBefore = clinic.checkInLinkHours();
		clinic.update(change);
		ClinicSummary after = clinic.summary();
		List<String> changes = new ArrayList<>();
		change(changes, "name", before.name(), after.name());
		change(changes, "phone", before.phone(), after.phone());
		change(changes, "emergencyNumber", before.emergencyNumber(), after.emergencyNumber());
		change(changes, "timeZone", before.timeZone(), after.timeZone());
		change(changes, "onCallEmails", String.valueOf(onCallBefore), String.valueOf(clinic.onCallEmails()));
		change(changes, "checkInOffsets", String.valueOf(checkInsBefore), String.valueOf(clinic.checkInOffsets()));
		change(changes, "checkInLinkHours", String.valueOf(linkHoursBefore), String.valueOf(clinic.checkInLinkHours()));
		if (!changes.isEmpty()) {
			this.audit.record(new AuditEvent(clinicId, null, AuditAction.CLINIC_SETTINGS_CHANGED, "clinic",
					clinicId.value(), String.join("; ", changes)));
		}
	}

	private static void change(List<String> changes, String field, String before, String after) {
		if (!before.equals(after)) {
			changes.add(field + ": " + before + " -> " + after);
		}
	}

	/**
	 * When check-ins fall due after a treatment, earliest first (default 2 h, days 1, 3,
	 * 7 and 14: CLINICAL.md section 5).
	 */
	@Transactional(readOnly = true)
	public List<Duration> checkInOffsets(ClinicId clinicId) {
		String offsets = this.clinics.findById(clinicId.value())
			.orElseThrow(() -> new NotFoundException("clinic"))
			.checkInOffsets();
		if (offsets == null || offsets.isBlank()) {
			offsets = DEFAULT_CHECK_IN_OFFSETS;
		}
		return Arrays.stream(offsets.split(","))
			.map(String::strip)
			.filter((offset) -> !offset.isEmpty())
			.map(Duration::parse)
			.sorted()
			.toList();
	}

	/**
	 * How long after a check-in falls due the link in its e-mail still answers it
	 * (default 72 hours).
	 */
	@Transactional(readOnly = true)
	public Duration checkInLinkWindow(ClinicId clinicId) {
		Integer hours = this.clinics.findById(clinicId.value())
			.orElseThrow(() -> new NotFoundException("clinic"))
			.checkInLinkHours();
		return Duration.ofHours((hours != null) ? hours : DEFAULT_CHECK_IN_LINK_HOURS);
	}

	/** The schema's default for {@link #checkInLinkWindow}. */
	static final int DEFAULT_CHECK_IN_LINK_HOURS = 72;

	/** The schema's default, for a clinic read before the database filled it in. */
	static final String DEFAULT_CHECK_IN_OFFSETS = "PT2H,P1D,P3D,P7D,P14D";

	/** The clinic's own aftercare sheet, or {@code null} when it uses the default one. */
	@Transactional(readOnly = true)
	public String aftercareSheet(ClinicId clinicId) {
		return this.clinics.findById(clinicId.value())
			.orElseThrow(() -> new NotFoundException("clinic"))
			.aftercareSheet();
	}

	/**
	 * Replaces the clinic's aftercare sheet ({@code null}: back to the default) and
	 * audits the change with the new text (as far as the audit detail holds it), since
	 * what patients were told may matter later.
	 */
	@Transactional
	void changeAftercareSheet(ClinicId clinicId, String sheet) {
		Clinic clinic = this.clinics.findById(clinicId.value()).orElseThrow(() -> new NotFoundException("clinic"));
		String before = clinic.aftercareSheet();
		if (Objects.equals(before, sheet)) {
			return;
		}
		clinic.changeAftercareSheet(sheet);
		this.audit.record(new AuditEvent(clinicId, null, AuditAction.AFTERCARE_SHEET_CHANGED, "clinic",
				clinicId.value(), describe(before) + " -> " + describe(sheet) + ((sheet != null) ? ": " + sheet : "")));
	}

	private static String describe(String sheet) {
		return (sheet == null) ? "default" : sheet.length() + " characters";
	}

	@Transactional
	public ClinicId create(String name, String phone, String emergencyNumber, String timeZone) {
		return new ClinicId(
				this.clinics.save(new Clinic(name, phone, emergencyNumber, timeZone, this.clock.instant())).id());
	}

}
