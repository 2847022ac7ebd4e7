package org.aftercare.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditLog;

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

	/**
	 * A photo attached to a report: which report (and its episode and time) it came with,
	 * when it was taken (null when the camera did not say) and uploaded, its size and its
	 * thumbnail's.
	 */
	public record Photo(UUID id, UUID reportId, UUID treatmentId, Instant reportSubmittedAt, Instant takenAt,
			Instant uploadedAt, int width, int height, int thumbnailWidth, int thumbnailHeight) {

		/** When it was taken, or else when it was uploaded. */
		public Instant shownAt() {
			return (this.takenAt != null) ? this.takenAt : this.uploadedAt;
		}

	}

	/** The photos of a treatment episode's reports, latest report first. */
	@Transactional(readOnly = true)
	public List<Photo> ofEpisode(UUID clinicId, UUID treatmentId) {
		return this.store.ofEpisode(clinicId, treatmentId);
	}

	/** The photos sent with one report of the clinic. */
	@Transactional(readOnly = true)
	public List<Photo> ofReport(UUID clinicId, UUID reportId) {
		return this.store.ofReport(clinicId, reportId);
	}

	/** The patient's latest photos ({@value PhotoStore#LIST_LIMIT} at most). */
	@Transactional(readOnly = true)
	public List<Photo> ofPatient(UUID clinicId, UUID patientId) {
		return this.store.ofPatient(clinicId, patientId, PhotoStore.LIST_LIMIT);
	}

	/** Every photo of the patient attached to a report, for their export. */
	@Transactional(readOnly = true)
	public List<Photo> allOfPatient(UUID clinicId, UUID patientId) {
		return this.store.ofPatient(clinicId, patientId, 0);
	}

	/** One of the patient's photos, as stored (JPEG), for their export. */
	@Transactional(readOnly = true)
	public Optional<byte[]> image(UUID clinicId, UUID patientId, UUID photoId) {
		return this.store.content(clinicId, patientId, photoId, false).map(PhotoStore.Content::bytes);
	}

	/**
	 * Erasure: every photo of the patient goes, those attached to reports and those
	 * staged on a form not sent. Nothing de-identified can be kept of a face.
	 * @return how many photos were deleted
	 */
	@Transactional
	public int erase(UUID clinicId, UUID patientId) {
		return this.store.deleteOfPatient(clinicId, patientId);
	}

	/** One of the patient's own photos or its thumbnail, staged ones included. */
	@Transactional(readOnly = true)
	Optional<PhotoStore.Content> forPatient(UUID clinicId, UUID patientId, UUID photoId, boolean thumbnail) {
		return this.store.content(clinicId, patientId, photoId, thumbnail);
	}

	/**
	 * A photo of the clinic attached to a report, for a clinician. The full-size view is
	 * audited in the same transaction; a thumbnail is shown only on pages whose own view
	 * is audited (the flag, patient and report pages), and is not audited again.
	 */
	@Transactional
	Optional<PhotoStore.Content> forClinician(UUID clinicId, UUID photoId, boolean thumbnail) {
		Optional<PhotoStore.Content> content = this.store.content(clinicId, null, photoId, thumbnail);
		if (!thumbnail) {
			content.ifPresent((photo) -> this.audit.record(new AuditLog.Event(clinicId, photo.patientId(),
					AuditAction.PHOTO_VIEWED, "report_photo", photo.id(), null)));
		}
		return content;
	}

}
