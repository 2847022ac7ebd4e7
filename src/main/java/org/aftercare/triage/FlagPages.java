package org.aftercare.triage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.account.AccountService;
import org.aftercare.account.AccountSummary;
import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientService;
import org.aftercare.patient.PatientSummary;
import org.aftercare.report.ReportPhotos;
import org.aftercare.report.ReportService;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.TreatmentId;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.TreatmentSummary;
import org.aftercare.web.NotFoundException;

/**
 * What a clinician sees of a flag, read in one transaction, and the audit of each view in
 * the same one: a page shown is a page recorded.
 */
@Service
class FlagPages {

	private final FlagPage page;

	private final PatientService patients;

	private final TreatmentService treatments;

	private final AccountService accounts;

	private final ReportService reports;

	private final ReportPhotos photos;

	private final AuditLog audit;

	private final Clock clock;

	FlagPages(FlagPage page, PatientService patients, TreatmentService treatments, AccountService accounts,
			ReportService reports, ReportPhotos photos, AuditLog audit, Clock clock) {
		this.page = page;
		this.patients = patients;
		this.treatments = treatments;
		this.accounts = accounts;
		this.reports = reports;
		this.photos = photos;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The flag page of a flag of the clinic; another clinic's flag does not exist here.
	 */
	@Transactional
	FlagView show(ClinicId clinicId, UUID flagId, ZoneId zone) {
		FlagPage.FlagRow flag = this.page.flag(clinicId.value(), flagId)
			.orElseThrow(() -> new NotFoundException("flag"));
		PatientSummary patient = this.patients.find(clinicId, new PatientId(flag.patientId()))
			.orElseThrow(() -> new NotFoundException("patient"));
		TreatmentSummary treatment = this.treatments.find(clinicId, new TreatmentId(flag.treatmentId()))
			.orElseThrow(() -> new NotFoundException("treatment"));
		int age = Period.between(patient.intake().dateOfBirth(), LocalDate.now(this.clock.withZone(zone))).getYears();
		String injector = this.accounts.find(clinicId, treatment.injectorId())
			.map(AccountSummary::displayName)
			.orElse("");
		FlagView view = new FlagView(flag, patient, age, treatment, injector,
				this.page.episodeFlags(clinicId.value(), flag.treatmentId()),
				this.page.evidence(clinicId.value(), flagId), this.page.actions(clinicId.value(), flagId),
				this.reports.episode(clinicId, new TreatmentId(flag.treatmentId())),
				this.photos.ofEpisode(clinicId, new TreatmentId(flag.treatmentId())));
		this.audit.record(new AuditEvent(clinicId, flag.patientId(), AuditAction.FLAG_VIEWED, "flag", flagId, null));
		return view;
	}

	/** The episode's reports and when it began, for the flag's severity chart. */
	@Transactional(readOnly = true)
	EpisodeChart chart(ClinicId clinicId, UUID flagId) {
		FlagPage.FlagRow flag = this.page.flag(clinicId.value(), flagId)
			.orElseThrow(() -> new NotFoundException("flag"));
		TreatmentSummary treatment = this.treatments.find(clinicId, new TreatmentId(flag.treatmentId()))
			.orElseThrow(() -> new NotFoundException("treatment"));
		return new EpisodeChart(this.reports.episode(clinicId, new TreatmentId(flag.treatmentId())),
				treatment.treatedAt());
	}

}
