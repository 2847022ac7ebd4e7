package org.aftercare.report;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.web.multipart.MultipartFile;

/**
 * The photo part of a report or update form as the browser posts it: the files chosen
 * this time, the photos the form already holds from an earlier send ({@code
 * stagedPhotos}), those of them the patient ticked to remove, and whether they pressed
 * "add these photos" rather than "send". The controller hands {@link PhotoUploads} its
 * {@link #post()}, which holds no web type.
 */
record PhotoForm(List<MultipartFile> photos, List<UUID> stagedPhotos, List<UUID> removePhotos, Boolean addPhotos) {

	/**
	 * The post as {@link PhotoUploads} takes it; a file input left empty sends nothing.
	 */
	PhotoPost post() {
		List<MultipartFile> files = (this.photos != null) ? this.photos : List.of();
		List<UploadedPhoto> uploads = files.stream()
			.filter(Objects::nonNull)
			.filter((file) -> !file.isEmpty())
			.map(PhotoForm::uploaded)
			.toList();
		return new PhotoPost(uploads, this.stagedPhotos, this.removePhotos, Boolean.TRUE.equals(this.addPhotos));
	}

	/**
	 * One uploaded file: moved to the photo's own temporary file when read, never whole
	 * into the heap.
	 */
	static UploadedPhoto uploaded(MultipartFile file) {
		return new UploadedPhoto(file.getOriginalFilename(), file.getSize(), file::transferTo);
	}

}
