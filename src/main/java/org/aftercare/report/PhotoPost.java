package org.aftercare.report;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.web.multipart.MultipartFile;

/**
 * The photo part of a report or update form as posted: the files chosen this time, the
 * photos the form already holds from an earlier send ({@code stagedPhotos}), those of
 * them the patient ticked to remove, and whether they pressed "add these photos" rather
 * than "send".
 */
record PhotoPost(List<MultipartFile> photos, List<UUID> stagedPhotos, List<UUID> removePhotos, Boolean addPhotos) {

	PhotoPost(List<MultipartFile> photos, List<UUID> stagedPhotos, List<UUID> removePhotos, Boolean addPhotos) {
		this.photos = (photos != null) ? photos.stream().filter(Objects::nonNull).filter((f) -> !f.isEmpty()).toList()
				: List.of();
		this.stagedPhotos = (stagedPhotos != null) ? stagedPhotos.stream().filter(Objects::nonNull).toList()
				: List.of();
		this.removePhotos = (removePhotos != null) ? removePhotos.stream().filter(Objects::nonNull).toList()
				: List.of();
		this.addPhotos = addPhotos;
	}

	static final PhotoPost NONE = new PhotoPost(null, null, null, null);

	/**
	 * Nothing about photos at all: the form is handled as before, without a statement
	 * more.
	 */
	boolean isEmpty() {
		return this.photos.isEmpty() && this.stagedPhotos.isEmpty() && this.removePhotos.isEmpty()
				&& !Boolean.TRUE.equals(this.addPhotos);
	}

	/** The staged photos the patient keeps on the form. */
	List<UUID> kept() {
		return this.stagedPhotos.stream().filter((id) -> !this.removePhotos.contains(id)).distinct().toList();
	}

}
