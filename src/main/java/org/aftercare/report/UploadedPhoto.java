package org.aftercare.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One file of a photo upload, as {@link PhotoUploads} reads it: the name it came under
 * (for a refusal's message only; null when the browser gave none), its size in bytes, and
 * how to move its content to a file of ours, so that it is read from the disk, never
 * whole into the heap.
 */
record UploadedPhoto(String name, long size, Transfer transfer) {

	/** Writes the upload's content to the given file. */
	@FunctionalInterface
	interface Transfer {

		void to(Path target) throws IOException;

	}

}
