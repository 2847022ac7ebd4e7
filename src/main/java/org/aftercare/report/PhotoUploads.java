package org.aftercare.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;

import org.aftercare.security.ClinicId;
import org.aftercare.web.DatabaseUnavailableAdvice;

/**
 * The photos of a report or update form, from the post to the saved report. A report is
 * never saved without the photos it was sent with: the form's photos are checked first,
 * and the report, its staged photos and its new ones are written in one transaction. When
 * the form comes back instead (a wrong field, a refused photo, or "add these photos"),
 * the photos accepted so far are kept server-side, staged under the form's one-time token
 * and the patient, and shown on the form with "remove"; its next send attaches them. A
 * second send of a form already saved makes no second report and no second photo. Staged
 * photos never attached are deleted by {@link StagedPhotoCleanup}.
 *
 * <p>
 * Photos are decoded one at a time across the whole app ({@code
 * aftercare.photos.concurrent-decodes}, 1): decoding a phone photo takes up to about 50
 * MB of the 160 MiB heap. A request that waits longer than {@code
 * aftercare.photos.decode-wait} for its turn gets "busy, send again" beside the field,
 * with everything typed kept.
 */
@Component
class PhotoUploads {

	/** Photos per report or update at most. */
	static final int MAX_PHOTOS = 3;

	private static final Logger log = LoggerFactory.getLogger(PhotoUploads.class);

	private static final HibernateJpaDialect JPA_DIALECT = new HibernateJpaDialect();

	private final PhotoStore store;

	private final ReportService reports;

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Semaphore decoding;

	private final Duration decodeWait;

	PhotoUploads(PhotoStore store, ReportService reports, EntityManager entityManager,
			PlatformTransactionManager transactions, Clock clock,
			@Value("${aftercare.photos.concurrent-decodes:1}") int concurrentDecodes,
			@Value("${aftercare.photos.decode-wait:PT20S}") Duration decodeWait) {
		this.store = store;
		this.reports = reports;
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.decoding = new Semaphore(Math.max(1, concurrentDecodes), true);
		this.decodeWait = decodeWait;
	}

	/** Whose form it is. */
	record Owner(ClinicId clinicId, UUID patientId, ZoneId zone) {
	}

	/** A message beside the photo field: its key and arguments. */
	record PhotoError(String code, Object... args) {
	}

	/**
	 * The photo field of a form shown again: the photos it holds, and what was refused.
	 */
	record PhotoField(List<PhotoStore.Staged> staged, List<PhotoError> errors) {

		static final PhotoField EMPTY = new PhotoField(List.of(), List.of());

	}

	/**
	 * What a form post's photos came to: the staged photos it keeps, the new photos
	 * accepted, the refusals, and whether the form must be shown again rather than saved.
	 */
	record Attachments(List<PhotoStore.Staged> staged, List<PhotoImages.Processed> accepted, List<PhotoError> errors,
			boolean holdsBack) {

		static final Attachments NONE = new Attachments(List.of(), List.of(), List.of(), false);

		boolean isEmpty() {
			return this.staged.isEmpty() && this.accepted.isEmpty();
		}

	}

	/** The staged photos of a form vanished before its send could attach them. */
	static final class StagedPhotosGoneException extends RuntimeException {

		StagedPhotosGoneException() {
			super("staged photos gone", null, false, false);
		}

	}

	/** The photos of one form post; nothing is read or decoded until asked. */
	Upload upload(Owner owner, PhotoPost post) {
		return new Upload(owner, (post != null) ? post : PhotoPost.NONE);
	}

	final class Upload {

		private final Owner owner;

		private final PhotoPost post;

		private Attachments prepared;

		private final List<PhotoError> extraErrors = new ArrayList<>();

		private Upload(Owner owner, PhotoPost post) {
			this.owner = owner;
			this.post = post;
		}

		/**
		 * Takes off the photos the patient removed, finds the staged ones the form still
		 * holds and checks the new files: once per post, for the form's token.
		 */
		Attachments prepare(UUID formToken) {
			if (this.prepared == null) {
				this.prepared = this.post.isEmpty() ? Attachments.NONE
						: PhotoUploads.this.prepare(this.owner, formToken, this.post);
			}
			return this.prepared;
		}

		/**
		 * Saves the report with its photos through {@code send} (which answers the view
		 * to go to), or shows the form again: a refused photo, or "add these photos". A
		 * form already saved leads to its report before any photo is decoded again.
		 */
		String saveOrHoldBack(NewReport report, HttpServletResponse response, String formView,
				Function<Supplier<ReportId>, String> send) {
			if (this.post.isEmpty()) {
				return send.apply(() -> PhotoUploads.this.reports.submit(report));
			}
			Optional<ReportId> earlier = PhotoUploads.this.reports.findByFormToken(report.clinicId(),
					report.formToken());
			if (earlier.isPresent()) {
				return send.apply(earlier::get);
			}
			Attachments photos = prepare(report.formToken());
			if (photos.holdsBack()) {
				response.setStatus(
						photos.errors().isEmpty() ? HttpStatus.OK.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
				return formView;
			}
			try {
				return send.apply(() -> PhotoUploads.this.save(this.owner, report, photos));
			}
			catch (StagedPhotosGoneException ex) {
				this.extraErrors.add(new PhotoError("photos.gone"));
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return formView;
			}
		}

		/**
		 * After the form's handling: when it shows the form again, the photos accepted
		 * are staged and the field shows them with any refusal.
		 */
		String shown(String view, String formView, UUID formToken, Model model, HttpServletResponse response) {
			if (!formView.equals(view)) {
				return view;
			}
			if (this.post.isEmpty()) {
				model.addAttribute("photoField", PhotoField.EMPTY);
				return view;
			}
			try {
				Attachments photos = prepare(formToken);
				List<PhotoStore.Staged> staged = new ArrayList<>(photos.staged());
				// Without its token (a form tampered with) nothing can be kept for the
				// form's
				// next send.
				if (formToken != null) {
					staged.addAll(stage(this.owner, formToken, photos.accepted()));
				}
				List<PhotoError> errors = new ArrayList<>(photos.errors());
				errors.addAll(this.extraErrors);
				model.addAttribute("photoField", new PhotoField(staged, errors));
			}
			catch (RuntimeException ex) {
				if (!DatabaseUnavailableAdvice.isUnavailable(ex)) {
					throw ex;
				}
				log.warn("Photos not kept, database unavailable: {}", ex.getMessage());
				model.addAttribute("photoField", PhotoField.EMPTY);
				model.addAttribute("notSaved", true);
				response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			}
			return view;
		}

	}

	private Attachments prepare(Owner owner, UUID formToken, PhotoPost post) {
		List<PhotoStore.Staged> staged = (formToken == null) ? List.of() : this.transactions.execute((status) -> {
			this.store.removeStaged(owner.clinicId().value(), owner.patientId(), formToken, post.removePhotos());
			return this.store.staged(owner.clinicId().value(), owner.patientId(), formToken, post.kept());
		});
		List<PhotoError> errors = new ArrayList<>();
		List<PhotoImages.Processed> accepted = new ArrayList<>();
		if (staged.size() + post.photos().size() > MAX_PHOTOS) {
			errors.add(new PhotoError("photos.tooMany", MAX_PHOTOS, post.photos().size(), staged.size()));
		}
		else {
			for (UploadedPhoto file : post.photos()) {
				try {
					accepted.add(process(file, owner.zone()));
				}
				catch (PhotoImages.RefusedException ex) {
					log.info("Photo refused: {} ({})", ex.refusal(), ex.getMessage());
					errors.add(new PhotoError("photos.refused." + ex.refusal().name(), name(file),
							PhotoImages.MAX_UPLOAD_BYTES / (1024 * 1024)));
				}
			}
		}
		boolean holdsBack = !errors.isEmpty() || post.addPhotos();
		return new Attachments(staged, accepted, errors, holdsBack);
	}

	/**
	 * One file checked and re-encoded, in its turn: it is read from the disk where the
	 * upload put it, never whole into the heap.
	 */
	PhotoImages.Processed process(UploadedPhoto file, ZoneId zone) throws PhotoImages.RefusedException {
		if (file.size() > PhotoImages.MAX_UPLOAD_BYTES) {
			throw new PhotoImages.RefusedException(PhotoImages.Refusal.TOO_LARGE, file.size() + " bytes");
		}
		Path path = null;
		try {
			path = Files.createTempFile("aftercare-photo-", ".upload");
			file.transfer().to(path);
			return decodeInTurn(path, zone);
		}
		catch (IOException ex) {
			throw new PhotoImages.RefusedException(PhotoImages.Refusal.NOT_AN_IMAGE, String.valueOf(ex));
		}
		finally {
			if (path != null) {
				deleteQuietly(path.toFile());
			}
		}
	}

	private PhotoImages.Processed decodeInTurn(Path path, ZoneId zone) throws PhotoImages.RefusedException {
		boolean turn;
		try {
			turn = this.decoding.tryAcquire(this.decodeWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			turn = false;
		}
		if (!turn) {
			throw new PhotoImages.RefusedException(PhotoImages.Refusal.BUSY, "no turn within " + this.decodeWait);
		}
		try {
			return PhotoImages.process(path, zone, this.clock.instant());
		}
		finally {
			this.decoding.release();
		}
	}

	/** The turns to decode: one photo at a time for each permit. */
	Semaphore turns() {
		return this.decoding;
	}

	private List<PhotoStore.Staged> stage(Owner owner, UUID formToken, List<PhotoImages.Processed> accepted) {
		if (accepted.isEmpty()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		return this.transactions.execute((status) -> accepted.stream().map((photo) -> {
			UUID id = this.store.insert(owner.clinicId().value(), owner.patientId(), formToken, null, photo, now);
			return new PhotoStore.Staged(id, photo.thumbnailWidth(), photo.thumbnailHeight());
		}).toList());
	}

	/**
	 * Saves the report, attaches the photos its form staged and adds its new ones, all in
	 * one transaction; a form already saved (a second click, a retry) returns its report
	 * and adds nothing.
	 */
	ReportId save(Owner owner, NewReport report, Attachments photos) {
		return this.transactions.execute((status) -> {
			Optional<ReportId> earlier = this.reports.findByFormToken(report.clinicId(), report.formToken());
			if (earlier.isPresent()) {
				return earlier.get();
			}
			ReportId reportId = this.reports.submit(report);
			flushReport();
			List<UUID> staged = photos.staged().stream().map(PhotoStore.Staged::id).toList();
			if (this.store.attach(owner.clinicId().value(), owner.patientId(), report.formToken(), reportId.value(),
					staged) != staged.size()) {
				throw new StagedPhotosGoneException();
			}
			Instant now = this.clock.instant();
			for (PhotoImages.Processed photo : photos.accepted()) {
				this.store.insert(owner.clinicId().value(), owner.patientId(), report.formToken(), reportId.value(),
						photo, now);
			}
			return reportId;
		});
	}

	/**
	 * The photos refer to the report's row: it is written before them. A second send of
	 * the same form that raced this one fails here on the form token's unique index, as a
	 * {@code DataIntegrityViolationException}, which {@link Submits} answers with the
	 * first report.
	 */
	private void flushReport() {
		try {
			this.entityManager.flush();
		}
		catch (RuntimeException ex) {
			DataAccessException translated = JPA_DIALECT.translateExceptionIfPossible(ex);
			throw (translated != null) ? translated : ex;
		}
	}

	private static String name(UploadedPhoto file) {
		String name = file.name();
		if (name == null || name.isBlank()) {
			return "?";
		}
		name = name.strip();
		return (name.length() > 80) ? name.substring(0, 80) + "…" : name;
	}

	private static void deleteQuietly(File file) {
		if (!file.delete() && file.exists()) {
			log.warn("Could not delete the upload's temporary file {}", file);
		}
	}

}
