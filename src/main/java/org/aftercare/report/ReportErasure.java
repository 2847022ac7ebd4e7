package org.aftercare.report;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;

/**
 * The patient's erasure, the report module's part, for the privacy module: everything the
 * patient wrote in their own words (notes, medicines, the description of an "other"
 * symptom) goes, and so do their photos and check-in links; the reports, their entries
 * and scores stay, de-identified, for the clinic's counts.
 */
@Service
public class ReportErasure {

	private final SymptomReportRepository reports;

	private final CheckInLinks links;

	private final ReportPhotos photos;

	ReportErasure(SymptomReportRepository reports, CheckInLinks links, ReportPhotos photos) {
		this.reports = reports;
		this.links = links;
		this.photos = photos;
	}

	/**
	 * Erases the patient's words, photos and links in the caller's transaction.
	 * @return the descriptions of "other" symptoms erased, which other modules may have
	 * quoted (flag evidence)
	 */
	@Transactional
	public List<String> erasePatient(ClinicId clinicId, PatientId patientId) {
		UUID clinic = clinicId.value();
		UUID patient = patientId.value();
		List<String> descriptions = this.reports.findOtherDescriptions(clinic, patient);
		this.reports.eraseReportText(clinic, patient);
		this.reports.eraseEntryText(clinic, patient);
		this.links.erase(clinicId, patientId);
		this.photos.erase(clinicId, patientId);
		return descriptions;
	}

}
