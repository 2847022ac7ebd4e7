package org.aftercare.report;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The photos of one send of a report or update form: the files uploaded this time, the
 * photos the form already holds from an earlier send, those of them the patient removes,
 * and whether they asked to add photos rather than send the form.
 */
record PhotoPost(List<UploadedPhoto> photos, List<UUID> stagedPhotos, List<UUID> removePhotos, boolean addPhotos) {

	PhotoPost(List<UploadedPhoto> photos, List<UUID> stagedPhotos, List<UUID> removePhotos, boolean addPhotos) {
		this.photos = (photos != null) ? photos.stream().filter(Objects::nonNull).toList() : List.of();
		this.stagedPhotos = (stagedPhotos != null) ? stagedPhotos.stream().filter(Objects::nonNull).toList()
				: List.of();
		this.removePhotos = (removePhotos != null) ? removePhotos.stream().filter(Objects::nonNull).toList()
				: List.of();
		this.addPhotos = addPhotos;
	}

	static final PhotoPost NONE = new PhotoPost(null, null, null, false);

	/**
	 * Nothing about photos at all: the form is handled as before, without a statement
	 * more.
	 */
	boolean isEmpty() {
		return this.photos.isEmpty() && this.stagedPhotos.isEmpty() && this.removePhotos.isEmpty() && !this.addPhotos;
	}

	/** The staged photos the patient keeps on the form. */
	List<UUID> kept() {
		return this.stagedPhotos.stream().filter((id) -> !this.removePhotos.contains(id)).distinct().toList();
	}

}
