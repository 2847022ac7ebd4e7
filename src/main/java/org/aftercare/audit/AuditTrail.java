package org.aftercare.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail: a filtered, keyset-paginated list for the admin, the same rows
 * for CSV (both from the read model {@code read_model.audit_trail}, which adds the names
 * of actors and patients; docs/modules.md), and the verification of the clinic's hash
 * chain.
 */
@Component
class AuditTrail {

	static final int PAGE_SIZE = 100;

	/** At most this many rows in one CSV download. */
	static final int EXPORT_LIMIT = 50_000;

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Entry(long seq, UUID id, Instant at, UUID actorId, String actorName, String role, UUID patientId,
			String patientName, String action, String objectType, UUID objectId, String outcome, String detail,
			String ip, String prevHash, String rowHash) {
	}

	record Page(List<Entry> entries, Long nextBefore) {
	}

	@Transactional(readOnly = true)
	Page page(UUID clinicId, AuditFilter filter, ZoneId zone) {
		List<Entry> entries = query(clinicId, filter, zone, PAGE_SIZE + 1);
		if (entries.size() <= PAGE_SIZE) {
			return new Page(entries, null);
		}
		return new Page(entries.subList(0, PAGE_SIZE), entries.get(PAGE_SIZE - 1).seq());
	}

	@Transactional(readOnly = true)
	List<Entry> export(UUID clinicId, AuditFilter filter, ZoneId zone) {
		return query(clinicId, filter, zone, EXPORT_LIMIT);
	}

	@Transactional(readOnly = true)
	List<String> actions(UUID clinicId) {
		return this.jdbc.sql("SELECT DISTINCT action FROM audit_event WHERE clinic_id = ? ORDER BY action")
			.param(clinicId)
			.query(String.class)
			.list();
	}

	private List<Entry> query(UUID clinicId, AuditFilter filter, ZoneId zone, int limit) {
		StringBuilder sql = new StringBuilder("""
				SELECT a.seq, a.id, a.occurred_at, a.actor_id, a.actor_name, a.actor_role, a.patient_id, a.patient_name,
				       a.action, a.object_type, a.object_id, a.outcome, a.detail, a.ip, a.prev_hash, a.row_hash
				  FROM read_model.audit_trail a
				 WHERE a.clinic_id = :clinic
				""");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("clinic", clinicId);
		if (filter.patient() != null) {
			sql.append(" AND a.patient_id = :patient");
			params.put("patient", filter.patient());
		}
		if (filter.user() != null) {
			sql.append(" AND a.actor_id = :user");
			params.put("user", filter.user());
		}
		if (filter.action() != null && !filter.action().isBlank()) {
			sql.append(" AND a.action = :action");
			params.put("action", filter.action());
		}
		if (filter.from() != null) {
			sql.append(" AND a.occurred_at >= :from");
			params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
		}
		if (filter.to() != null) {
			sql.append(" AND a.occurred_at < :to");
			params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		if (filter.before() != null) {
			sql.append(" AND a.seq < :before");
			params.put("before", filter.before());
		}
		sql.append(" ORDER BY a.seq DESC LIMIT :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString()).params(params).query(AuditTrail::entry).list();
	}

	/** The result of walking a clinic's chain from its first row. */
	record Verification(long rows, Long firstBrokenSeq, String problem) {

		public boolean intact() {
			return this.firstBrokenSeq == null;
		}

	}

	/**
	 * Recomputes every row's hash in order: an edited row, a deleted row or a row slipped
	 * in behind the application's back breaks the chain at that point.
	 */
	@Transactional(readOnly = true)
	Verification verify(UUID clinicId) {
		List<Verification> result = new ArrayList<>();
		long[] count = { 0 };
		String[] previous = { null };
		Consumer<Entry> check = (entry) -> {
			if (!result.isEmpty()) {
				return;
			}
			count[0]++;
			if (!Objects.equals(entry.prevHash(), previous[0])) {
				result.add(new Verification(count[0], entry.seq(), "link"));
				return;
			}
			AuditLog.Row row = new AuditLog.Row(entry.id(), clinicId, entry.at(), entry.actorId(), entry.role(),
					entry.patientId(), entry.action(), entry.objectType(), entry.objectId(), entry.outcome(),
					entry.detail(), entry.ip());
			if (!AuditLog.hash(entry.prevHash(), row).equals(entry.rowHash())) {
				result.add(new Verification(count[0], entry.seq(), "content"));
				return;
			}
			previous[0] = entry.rowHash();
		};
		this.jdbc.sql("""
				SELECT a.seq, a.id, a.occurred_at, a.actor_id, NULL AS actor_name, a.actor_role, a.patient_id,
				       NULL AS patient_name, a.action, a.object_type, a.object_id, a.outcome, a.detail, a.ip,
				       a.prev_hash, a.row_hash
				  FROM audit_event a WHERE a.clinic_id = ? ORDER BY a.seq
				""").param(clinicId).query(AuditTrail::entry).stream().forEach(check);
		return result.isEmpty() ? new Verification(count[0], null, null) : result.get(0);
	}

	private static Entry entry(ResultSet rs, int n) throws SQLException {
		return new Entry(rs.getLong("seq"), rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("actor_role"),
				rs.getObject("patient_id", UUID.class), rs.getString("patient_name"), rs.getString("action"),
				rs.getString("object_type"), rs.getObject("object_id", UUID.class), rs.getString("outcome"),
				rs.getString("detail"), rs.getString("ip"), rs.getString("prev_hash"), rs.getString("row_hash"));
	}

}
