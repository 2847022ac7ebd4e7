package org.aftercare.triage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.patient.PatientId;
import org.aftercare.report.RecoveryPageAdditions;
import org.aftercare.security.ClinicId;

/**
 * Puts the clinic's open requests for an update on the patient's own page, without the
 * report module having to know about flags. Any report the patient then sends answers
 * them and is linked in the flag's history.
 */
@Component
class FollowUpRequests implements RecoveryPageAdditions {

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	FollowUpRequests(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	record Request(UUID flagId, Instant requestedAt) {
	}

	/**
	 * In the caller's transaction (the patient's page), or in one of its own: outside
	 * one, row-level security would show nothing.
	 */
	List<Request> pending(UUID clinicId, UUID patientId) {
		return this.readOnly.execute((status) -> this.jdbc.sql("""
				SELECT id, follow_up_requested_at FROM flag
				 WHERE clinic_id = :clinic AND patient_id = :patient AND status <> 'RESOLVED'
				   AND follow_up_requested_at IS NOT NULL
				   AND (last_patient_update_at IS NULL OR last_patient_update_at < follow_up_requested_at)
				 ORDER BY follow_up_requested_at
				""")
			.param("clinic", clinicId)
			.param("patient", patientId)
			.query((rs, n) -> new Request(rs.getObject(1, UUID.class), ((Timestamp) rs.getTimestamp(2)).toInstant()))
			.list());
	}

	@Override
	public Map<String, ?> attributesFor(ClinicId clinicId, PatientId patientId) {
		return Map.of("followUpRequests", pending(clinicId.value(), patientId.value()));
	}

}
