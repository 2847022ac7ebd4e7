package org.aftercare.report;

import java.time.Instant;
import java.util.UUID;

import org.aftercare.treatment.TreatmentId;

/**
 * A photo attached to a report, as pages list it: which report (and its episode and time)
 * it came with, when it was taken (null when the camera did not say) and uploaded, its
 * size and its thumbnail's. Its bytes come with each image's own request.
 */
public record ReportPhoto(UUID id, ReportId reportId, TreatmentId treatmentId, Instant reportSubmittedAt,
		Instant takenAt, Instant uploadedAt, int width, int height, int thumbnailWidth, int thumbnailHeight) {

	/** When it was taken, or else when it was uploaded. */
	public Instant shownAt() {
		return (this.takenAt != null) ? this.takenAt : this.uploadedAt;
	}

}
