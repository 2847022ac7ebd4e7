package org.aftercare.report;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.TreatmentSummary;

/**
 * The patient's recovery page and its chart, each read in one transaction; what other
 * modules add to the page ({@link RecoveryPageAdditions}) is read in the same one (a
 * second transaction of its own was 8% of the page).
 */
@Service
class RecoveryPages {

	private final ReportService reports;

	private final TreatmentService treatments;

	private final MessageSource messages;

	private final Clock clock;

	private final List<RecoveryPageAdditions> additions;

	RecoveryPages(ReportService reports, TreatmentService treatments, MessageSource messages, Clock clock,
			ObjectProvider<RecoveryPageAdditions> additions) {
		this.reports = reports;
		this.treatments = treatments;
		this.messages = messages;
		this.clock = clock;
		this.additions = additions.orderedStream().toList();
	}

	@Transactional(readOnly = true)
	RecoveryView show(ClinicId clinicId, UUID patientId, ZoneId zone, Locale locale) {
		TreatmentSummary treatment = this.treatments.latestFor(clinicId, new PatientId(patientId)).orElse(null);
		Map<String, Object> added = new LinkedHashMap<>();
		this.additions.forEach((addition) -> added.putAll(addition.attributesFor(clinicId, new PatientId(patientId))));
		return new RecoveryView(
				treatment, this.reports.history(clinicId, new PatientId(patientId)), (treatment != null)
						? CheckInSchedule.next(treatment.treatedAt(), this.clock.instant()).orElse(null) : null,
				(treatment != null) ? chart(clinicId.value(), treatment, zone, locale) : null, added);
	}

	/** The chart of the latest treatment's episode; an empty one before the first. */
	@Transactional(readOnly = true)
	SeverityChart chart(ClinicId clinicId, UUID patientId, ZoneId zone, Locale locale) {
		return this.treatments.latestFor(clinicId, new PatientId(patientId))
			.map((treatment) -> chart(clinicId.value(), treatment, zone, locale))
			.orElseGet(() -> new SeverityChart("", "", List.of(), List.of(), List.of()));
	}

	private SeverityChart chart(UUID clinicId, TreatmentSummary treatment, ZoneId zone, Locale locale) {
		return SeverityChart.of(this.reports.episode(new ClinicId(clinicId), treatment.id()), treatment.treatedAt(),
				zone, (symptom) -> this.messages.getMessage("symptom." + symptom, null, locale),
				this.messages.getMessage("recovery.chart.treatment", null, locale),
				this.messages.getMessage("recovery.chart.day", null, locale));
	}

}
