package org.aftercare.report;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.TreatmentId;

/**
 * The photos patients attach to their reports, as other modules read them: the photos of
 * an episode or a patient (their facts only, for a page that shows thumbnails), one
 * photo's bytes for the patient's export, and their erasure. Each method is scoped to one
 * clinic and joins the caller's transaction, so a page reads its photos in its own.
 */
@Service
public class ReportPhotos {

	private final PhotoStore store;

	private final AuditLog audit;

	ReportPhotos(PhotoStore store, AuditLog audit) {
		this.store = store;
		this.audit = audit;
	}

	/** The photos of a treatment episode's reports, latest report first. */
	@Transactional(readOnly = true)
	public List<ReportPhoto> ofEpisode(ClinicId clinicId, TreatmentId treatmentId) {
		return this.store.ofEpisode(clinicId.value(), treatmentId.value());
	}

	/** The photos sent with one report of the clinic. */
	@Transactional(readOnly = true)
	public List<ReportPhoto> ofReport(ClinicId clinicId, ReportId reportId) {
		return this.store.ofReport(clinicId.value(), reportId.value());
	}

	/** The patient's latest photos ({@value PhotoStore#LIST_LIMIT} at most). */
	@Transactional(readOnly = true)
	public List<ReportPhoto> ofPatient(ClinicId clinicId, PatientId patientId) {
		return this.store.ofPatient(clinicId.value(), patientId.value(), PhotoStore.LIST_LIMIT);
	}

	/** Every photo of the patient attached to a report, for their export. */
	@Transactional(readOnly = true)
	public List<ReportPhoto> allOfPatient(ClinicId clinicId, PatientId patientId) {
		return this.store.ofPatient(clinicId.value(), patientId.value(), 0);
	}

	/** One of the patient's photos, as stored (JPEG), for their export. */
	@Transactional(readOnly = true)
	public Optional<byte[]> image(ClinicId clinicId, PatientId patientId, UUID photoId) {
		return this.store.content(clinicId.value(), patientId.value(), photoId, false).map(PhotoStore.Content::bytes);
	}

	/**
	 * Erasure: every photo of the patient goes, those attached to reports and those
	 * staged on a form not sent. Nothing de-identified can be kept of a face.
	 * @return how many photos were deleted
	 */
	@Transactional
	public int erase(ClinicId clinicId, PatientId patientId) {
		return this.store.deleteOfPatient(clinicId.value(), patientId.value());
	}

	/** One of the patient's own photos or its thumbnail, staged ones included. */
	@Transactional(readOnly = true)
	Optional<PhotoStore.Content> forPatient(ClinicId clinicId, PatientId patientId, UUID photoId, boolean thumbnail) {
		return this.store.content(clinicId.value(), patientId.value(), photoId, thumbnail);
	}

	/**
	 * A photo of the clinic attached to a report, for a clinician. The full-size view is
	 * audited in the same transaction; a thumbnail is shown only on pages whose own view
	 * is audited (the flag, patient and report pages), and is not audited again.
	 */
	@Transactional
	Optional<PhotoStore.Content> forClinician(ClinicId clinicId, UUID photoId, boolean thumbnail) {
		Optional<PhotoStore.Content> content = this.store.content(clinicId.value(), null, photoId, thumbnail);
		if (!thumbnail) {
			content.ifPresent((photo) -> this.audit.record(new AuditEvent(clinicId, photo.patientId(),
					AuditAction.PHOTO_VIEWED, "report_photo", photo.id(), null)));
		}
		return content;
	}

}
