package org.aftercare.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.web.PlainText;

/**
 * The clinic's patients by name, from the read model {@code read_model.patient_list}
 * (latest treatment and number of open flags joined in; docs/modules.md),
 * keyset-paginated on (family name, given name, id) so that a deep page costs what the
 * first one does.
 */
@Component
class PatientList {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	PatientList(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One patient; {@code language} is the tag of their pages' and e-mails' language. */
	record Row(UUID patientId, String givenName, String familyName, LocalDate dateOfBirth, Instant latestTreatedAt,
			String latestProduct, int openFlags, String language) {

		public String fullName() {
			return this.givenName + " " + this.familyName;
		}

		public int age(LocalDate today) {
			return Period.between(this.dateOfBirth, today).getYears();
		}

	}

	/** A page and the cursor of the next one ({@code null} on the last page). */
	record Page(List<Row> rows, String next) {
	}

	@Transactional(readOnly = true)
	Page page(UUID clinicId, String search, String after) {
		Cursor cursor = Cursor.parse(after);
		List<Row> rows = this.jdbc.sql("""
				SELECT p.id, p.given_name, p.family_name, p.date_of_birth, p.latest_treated_at, p.latest_product,
				       p.open_flags, p.language
				  FROM read_model.patient_list p
				 WHERE p.clinic_id = :clinic
				   AND (CAST(:q AS text) IS NULL OR (p.given_name || ' ' || p.family_name) ILIKE :q)
				   AND (CAST(:afterFamily AS text) IS NULL
				        OR (p.family_name, p.given_name, p.id) > (:afterFamily, :afterGiven, :afterId))
				 ORDER BY p.family_name, p.given_name, p.id
				 LIMIT :limit
				""")
			.param("clinic", clinicId)
			.param("q", search == null ? null : "%" + escapeLike(search) + "%")
			.param("afterFamily", cursor == null ? null : cursor.familyName())
			.param("afterGiven", cursor == null ? null : cursor.givenName())
			.param("afterId", cursor == null ? null : cursor.id())
			.param("limit", PAGE_SIZE + 1)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("given_name"),
					rs.getString("family_name"), rs.getObject("date_of_birth", LocalDate.class),
					instant(rs.getTimestamp("latest_treated_at")), rs.getString("latest_product"),
					rs.getInt("open_flags"), rs.getString("language")))
			.list();
		if (rows.size() <= PAGE_SIZE) {
			return new Page(rows, null);
		}
		Row last = rows.get(PAGE_SIZE - 1);
		return new Page(new ArrayList<>(rows.subList(0, PAGE_SIZE)),
				new Cursor(last.familyName(), last.givenName(), last.patientId()).format());
	}

	/** Whether a cursor from the query string can be read at all. */
	static boolean isCursor(String text) {
		return text == null || text.isBlank() || Cursor.parse(text) != null;
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/**
	 * Where the next page starts: the last row's names and id, URL-safe (names may hold
	 * any character).
	 */
	record Cursor(String familyName, String givenName, UUID id) {

		private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

		private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

		String format() {
			return encode(this.familyName) + "." + encode(this.givenName) + "." + this.id;
		}

		static Cursor parse(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			String[] parts = text.split("\\.");
			if (parts.length != 3) {
				return null;
			}
			try {
				String family = decode(parts[0]);
				String given = decode(parts[1]);
				if (!PlainText.Validator.isPlain(family, false) || !PlainText.Validator.isPlain(given, false)) {
					return null;
				}
				return new Cursor(family, given, UUID.fromString(parts[2]));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		private static String encode(String text) {
			return ENCODER.encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}

		private static String decode(String text) {
			return new String(DECODER.decode(text), java.nio.charset.StandardCharsets.UTF_8);
		}

	}

}
