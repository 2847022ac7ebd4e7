package org.aftercare.report;

import java.util.Optional;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.aftercare.patient.PatientId;
import org.aftercare.security.CurrentUser;
import org.aftercare.web.NotFoundException;

/**
 * Photos and their thumbnails, to the patient who sent them and to their clinic's
 * clinicians only: another clinic's or another patient's photo does not exist here (404).
 * Each response names its stored type, may not be sniffed as another, is kept by no
 * cache, and is shown inline under a name of ours, never the uploaded one.
 */
@Controller
class PhotoController {

	private final ReportPhotos photos;

	PhotoController(ReportPhotos photos) {
		this.photos = photos;
	}

	@GetMapping("/me/photos/{id}")
	ResponseEntity<byte[]> showOwnPhoto(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return image(this.photos.forPatient(user.clinicId(), new PatientId(user.patientId()), id, false), "");
	}

	@GetMapping("/me/photos/{id}/thumbnail")
	ResponseEntity<byte[]> showOwnThumbnail(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return image(this.photos.forPatient(user.clinicId(), new PatientId(user.patientId()), id, true), "-thumbnail");
	}

	/** Audited, one row per view ({@link ReportPhotos#forClinician}). */
	@GetMapping("/clinician/photos/{id}")
	ResponseEntity<byte[]> showPhoto(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return image(this.photos.forClinician(user.clinicId(), id, false), "");
	}

	@GetMapping("/clinician/photos/{id}/thumbnail")
	ResponseEntity<byte[]> showThumbnail(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return image(this.photos.forClinician(user.clinicId(), id, true), "-thumbnail");
	}

	private static ResponseEntity<byte[]> image(Optional<PhotoStore.Content> found, String suffix) {
		PhotoStore.Content photo = found.orElseThrow(() -> new NotFoundException("photo"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("photo-" + photo.id() + suffix + ".jpg").build().toString())
			.body(photo.bytes());
	}

}
