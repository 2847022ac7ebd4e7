package org.aftercare.audit;

import java.time.Clock;
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
 * fall together. The table refuses updates and deletes (a trigger in the migration).
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * What happened to which object; the actor and address come from the current request.
	 */
	public record Event(UUID clinicId, UUID patientId, String action, String objectType, UUID objectId, String detail) {
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void record(Event event) {
		record(event, "SUCCESS");
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void record(Event event, String outcome) {
		CurrentUser actor = CurrentUsers.current().orElse(null);
		this.jdbc.sql("""
				INSERT INTO audit_event (id, clinic_id, occurred_at, actor_id, actor_role, patient_id, action,
				                         object_type, object_id, outcome, detail, ip)
				VALUES (:id, :clinic, :at, :actor, :role, :patient, :action, :objectType, :objectId, :outcome,
				        :detail, :ip)
				""")
			.param("id", Ids.next())
			.param("clinic", event.clinicId())
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.param("actor", actor == null ? null : actor.accountId())
			.param("role", actor == null ? "SYSTEM" : actor.role().name())
			.param("patient", event.patientId())
			.param("action", event.action())
			.param("objectType", event.objectType())
			.param("objectId", event.objectId())
			.param("outcome", outcome)
			.param("detail", truncate(event.detail()))
			.param("ip", clientAddress())
			.update();
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
