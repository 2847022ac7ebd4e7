package org.aftercare.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.aftercare.treatment.TreatmentId;
import org.aftercare.web.Ids;

/**
 * The table {@code report_photo}. Lists select the photos' facts only, never their bytes:
 * the image endpoints read one photo each. Every statement names its clinic, and those of
 * a patient's own pages their patient too.
 */
@Component
class PhotoStore {

	/** The most photos a page lists (the latest): 20 reports' worth. */
	static final int LIST_LIMIT = 60;

	private static final String PHOTO_COLUMNS = """
			p.id, p.report_id, r.treatment_id, r.submitted_at, p.taken_at, p.uploaded_at, p.width, p.height,
			p.thumbnail_width, p.thumbnail_height""";

	private final JdbcClient jdbc;

	PhotoStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A photo staged for a form not yet sent, as the form shows it again. */
	record Staged(UUID id, int thumbnailWidth, int thumbnailHeight) {
	}

	/** One photo's bytes and type. */
	record Content(UUID id, UUID patientId, String contentType, byte[] bytes) {
	}

	/**
	 * Saves a processed photo of the patient's form: staged when {@code reportId} is
	 * null, else attached to that report.
	 */
	UUID insert(UUID clinicId, UUID patientId, UUID formToken, UUID reportId, PhotoImages.Processed photo,
			Instant uploadedAt) {
		UUID id = Ids.next();
		this.jdbc.sql("""
				INSERT INTO report_photo (id, clinic_id, patient_id, form_token, report_id, taken_at, uploaded_at,
				                          content_type, width, height, thumbnail_width, thumbnail_height, image,
				                          thumbnail)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, clinicId, patientId, formToken, reportId,
					(photo.takenAt() != null) ? Timestamp.from(photo.takenAt()) : null, Timestamp.from(uploadedAt),
					PhotoImages.CONTENT_TYPE, photo.width(), photo.height(), photo.thumbnailWidth(),
					photo.thumbnailHeight(), photo.image(), photo.thumbnail())
			.update();
		return id;
	}

	/**
	 * Of the given ids, the patient's photos still staged for this form, oldest first.
	 */
	List<Staged> staged(UUID clinicId, UUID patientId, UUID formToken, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT id, thumbnail_width, thumbnail_height FROM report_photo
				 WHERE clinic_id = ? AND patient_id = ? AND form_token = ? AND report_id IS NULL
				   AND id = ANY (?)
				 ORDER BY uploaded_at, id
				""")
			.params(clinicId, patientId, formToken, ids.toArray(UUID[]::new))
			.query((rs, n) -> new Staged(rs.getObject("id", UUID.class), rs.getInt("thumbnail_width"),
					rs.getInt("thumbnail_height")))
			.list();
	}

	/** Removes photos the patient took off the form before sending it. */
	int removeStaged(UUID clinicId, UUID patientId, UUID formToken, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				DELETE FROM report_photo
				 WHERE clinic_id = ? AND patient_id = ? AND form_token = ? AND report_id IS NULL AND id = ANY (?)
				""").params(clinicId, patientId, formToken, ids.toArray(UUID[]::new)).update();
	}

	/** Attaches the form's staged photos to the report its submit saved. */
	int attach(UUID clinicId, UUID patientId, UUID formToken, UUID reportId, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				UPDATE report_photo SET report_id = ?
				 WHERE clinic_id = ? AND patient_id = ? AND form_token = ? AND report_id IS NULL AND id = ANY (?)
				""").params(reportId, clinicId, patientId, formToken, ids.toArray(UUID[]::new)).update();
	}

	/** The photos of one treatment episode's reports, latest first. */
	List<ReportPhoto> ofEpisode(UUID clinicId, UUID treatmentId) {
		return this.jdbc.sql("SELECT " + PHOTO_COLUMNS + """
				  FROM report_photo p
				  JOIN symptom_report r ON r.clinic_id = p.clinic_id AND r.id = p.report_id
				 WHERE p.clinic_id = ? AND r.clinic_id = ? AND r.treatment_id = ?
				 ORDER BY r.submitted_at DESC, p.uploaded_at, p.id
				 LIMIT ?
				""").params(clinicId, clinicId, treatmentId, LIST_LIMIT).query(PhotoStore::photo).list();
	}

	/** The photos sent with one report, in the order they were added. */
	List<ReportPhoto> ofReport(UUID clinicId, UUID reportId) {
		return this.jdbc.sql("SELECT " + PHOTO_COLUMNS + """
				  FROM report_photo p
				  JOIN symptom_report r ON r.clinic_id = p.clinic_id AND r.id = p.report_id
				 WHERE p.clinic_id = ? AND p.report_id = ?
				 ORDER BY p.uploaded_at, p.id
				""").params(clinicId, reportId).query(PhotoStore::photo).list();
	}

	/**
	 * The patient's photos attached to reports, latest first: at most {@code limit}, or
	 * all when it is zero.
	 */
	List<ReportPhoto> ofPatient(UUID clinicId, UUID patientId, int limit) {
		return this.jdbc.sql("SELECT " + PHOTO_COLUMNS + """
				  FROM report_photo p
				  JOIN symptom_report r ON r.clinic_id = p.clinic_id AND r.id = p.report_id
				 WHERE p.clinic_id = ? AND p.patient_id = ?
				 ORDER BY r.submitted_at DESC, p.uploaded_at, p.id
				""" + ((limit > 0) ? " LIMIT " + limit : ""))
			.params(clinicId, patientId)
			.query(PhotoStore::photo)
			.list();
	}

	/**
	 * One photo of the clinic, or its thumbnail: any of the patient's own (staged ones
	 * included) when {@code patientId} is given, else one attached to a report.
	 */
	Optional<Content> content(UUID clinicId, UUID patientId, UUID id, boolean thumbnail) {
		String column = thumbnail ? "thumbnail" : "image";
		String sql = "SELECT id, patient_id, content_type, " + column + " AS bytes FROM report_photo"
				+ " WHERE clinic_id = ? AND id = ?"
				+ ((patientId != null) ? " AND patient_id = ?" : " AND report_id IS NOT NULL");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql).param(clinicId).param(id);
		if (patientId != null) {
			statement = statement.param(patientId);
		}
		return statement
			.query((rs, n) -> new Content(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
					rs.getString("content_type"), rs.getBytes("bytes")))
			.optional();
	}

	/** Erasure: every photo of the patient, staged or attached. */
	int deleteOfPatient(UUID clinicId, UUID patientId) {
		return this.jdbc.sql("DELETE FROM report_photo WHERE clinic_id = ? AND patient_id = ?")
			.params(clinicId, patientId)
			.update();
	}

	/** Staged photos never attached, uploaded before the given time, in every clinic. */
	int deleteStagedBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM report_photo WHERE report_id IS NULL AND uploaded_at < ?")
			.param(Timestamp.from(before))
			.update();
	}

	private static ReportPhoto photo(ResultSet rs, int n) throws SQLException {
		Timestamp takenAt = rs.getTimestamp("taken_at");
		return new ReportPhoto(rs.getObject("id", UUID.class), new ReportId(rs.getObject("report_id", UUID.class)),
				new TreatmentId(rs.getObject("treatment_id", UUID.class)), rs.getTimestamp("submitted_at").toInstant(),
				(takenAt != null) ? takenAt.toInstant() : null, rs.getTimestamp("uploaded_at").toInstant(),
				rs.getInt("width"), rs.getInt("height"), rs.getInt("thumbnail_width"), rs.getInt("thumbnail_height"));
	}

}
