package org.aftercare.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import org.aftercare.security.CurrentUser;
import org.aftercare.security.CurrentUsers;
import org.aftercare.web.Ids;

/**
 * The append-only audit trail: who did what, to which patient's data, when and from
 * where. Written in the caller's transaction, so that an action and its record stand or
 * fall together. The application's database role may only read and insert it (migration
 * V16), a trigger refuses updates and deletes for everyone, and each clinic's rows form a
 * hash chain that an admin can verify.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEvent event) {
		record(event, AuditOutcome.SUCCESS);
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEvent event, AuditOutcome outcome) {
		CurrentUser actor = CurrentUsers.current().orElse(null);
		record(event, outcome, actor == null ? null : actor.accountId(),
				actor == null ? "SYSTEM" : actor.role().name());
	}

	/**
	 * For events without a signed-in user in the context (a failed login names whom it
	 * tried).
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEvent event, AuditOutcome outcome, UUID actorId, String actorRole) {
		// One writer per clinic at a time, so that the chain has no forks.
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('audit:' || ?))")
			.param(event.clinicId().toString())
			.query((rs, n) -> 1)
			.list();
		String previous = this.jdbc
			.sql("SELECT row_hash FROM audit_event WHERE clinic_id = ? ORDER BY seq DESC LIMIT 1")
			.param(event.clinicId().value())
			.query(String.class)
			.optional()
			.orElse(null);
		Row row = new Row(Ids.next(), event.clinicId().value(), this.clock.instant().truncatedTo(ChronoUnit.MICROS),
				actorId, actorRole, event.patientId(), event.action().name(), event.objectType(), event.objectId(),
				outcome.name(), truncate(event.detail()), clientAddress());
		this.jdbc.sql("""
				INSERT INTO audit_event (id, clinic_id, occurred_at, actor_id, actor_role, patient_id, action,
				                         object_type, object_id, outcome, detail, ip, seq, prev_hash, row_hash)
				VALUES (:id, :clinic, :at, :actor, :role, :patient, :action, :objectType, :objectId, :outcome,
				        :detail, :ip, nextval('audit_event_seq'), :prev, :hash)
				""")
			.param("id", row.id())
			.param("clinic", row.clinicId())
			.param("at", Timestamp.from(row.at()))
			.param("actor", row.actorId())
			.param("role", row.role())
			.param("patient", row.patientId())
			.param("action", row.action())
			.param("objectType", row.objectType())
			.param("objectId", row.objectId())
			.param("outcome", row.outcome())
			.param("detail", row.detail())
			.param("ip", row.ip())
			.param("prev", previous)
			.param("hash", hash(previous, row))
			.update();
	}

	/** The fields a row's hash covers. */
	record Row(UUID id, UUID clinicId, Instant at, UUID actorId, String role, UUID patientId, String action,
			String objectType, UUID objectId, String outcome, String detail, String ip) {
	}

	static String hash(String previous, Row row) {
		String canonical = String.join("\u001f", String.valueOf(previous), row.id().toString(),
				row.clinicId().toString(), String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, row.at())),
				String.valueOf(row.actorId()), String.valueOf(row.role()), String.valueOf(row.patientId()),
				row.action(), String.valueOf(row.objectType()), String.valueOf(row.objectId()), row.outcome(),
				String.valueOf(row.detail()), String.valueOf(row.ip()));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String truncate(String detail) {
		return (detail == null || detail.length() <= 2000) ? detail : detail.substring(0, 2000);
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
