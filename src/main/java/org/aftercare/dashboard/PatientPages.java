package org.aftercare.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.account.AccountService;
import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientService;
import org.aftercare.patient.PatientSummary;
import org.aftercare.report.ReportPhoto;
import org.aftercare.report.ReportPhotos;
import org.aftercare.report.ReportService;
import org.aftercare.report.ReportView;
import org.aftercare.security.ClinicId;
import org.aftercare.web.NotFoundException;

/**
 * The clinic's patients as a clinician reads them: the searchable list, and one patient's
 * page with its audit row in the same transaction.
 */
@Service
class PatientPages {

	private final PatientList list;

	private final PatientTimeline timeline;

	private final PatientService patients;

	private final ReportService reports;

	private final ReportPhotos photos;

	private final AccountService accounts;

	private final AuditLog audit;

	private final Clock clock;

	PatientPages(PatientList list, PatientTimeline timeline, PatientService patients, ReportService reports,
			ReportPhotos photos, AccountService accounts, AuditLog audit, Clock clock) {
		this.list = list;
		this.timeline = timeline;
		this.patients = patients;
		this.reports = reports;
		this.photos = photos;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	PatientList.Page list(ClinicId clinicId, String search, String after) {
		return this.list.page(clinicId.value(), search, after);
	}

	/** One patient of the clinic; another clinic's does not exist here. */
	@Transactional
	PatientView show(ClinicId clinicId, UUID id, ZoneId zone) {
		PatientSummary patient = this.patients.find(clinicId, new PatientId(id))
			.orElseThrow(() -> new NotFoundException("patient"));
		PatientTimeline.Bounded<PatientTimeline.TreatmentRow> treatments = this.timeline.treatments(clinicId.value(),
				id);
		PatientTimeline.Bounded<PatientTimeline.FlagRow> flags = this.timeline.flags(clinicId.value(), id);
		List<ReportView> reports = this.reports.history(clinicId, new PatientId(id));
		Map<UUID, Episode> episodes = new LinkedHashMap<>();
		for (PatientTimeline.TreatmentRow treatment : treatments.rows()) {
			episodes.put(treatment.id(), new Episode(treatment, new java.util.ArrayList<>(),
					new java.util.ArrayList<>(), new java.util.ArrayList<>()));
		}
		for (ReportView report : reports) {
			Episode episode = episodes.get(report.treatmentId().value());
			if (episode != null) {
				episode.reports().add(report);
			}
		}
		for (ReportPhoto photo : this.photos.ofPatient(clinicId, new PatientId(id))) {
			Episode episode = episodes.get(photo.treatmentId().value());
			if (episode != null) {
				episode.photos().add(photo);
			}
		}
		for (PatientTimeline.FlagRow flag : flags.rows()) {
			Episode episode = episodes.get(flag.treatmentId());
			if (episode != null) {
				episode.flags().add(flag);
			}
		}
		PatientView view = new PatientView(patient, this.accounts.hasActivated(clinicId, id),
				Period.between(patient.intake().dateOfBirth(), LocalDate.now(this.clock.withZone(zone))).getYears(),
				List.copyOf(episodes.values()), flags.rows(), treatments.more(), flags.more(), reports.size());
		this.audit.record(new AuditEvent(clinicId, id, AuditAction.PATIENT_VIEWED, "patient", id, null));
		return view;
	}

}
