package org.aftercare.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.account.AccountId;
import org.aftercare.paging.KeysetPage;
import org.aftercare.patient.PatientId;
import org.aftercare.report.ReportId;
import org.aftercare.report.Symptom;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.TreatmentId;

/**
 * The clinic's flags for its exports: one by id, or a page of them in the order they last
 * changed (index {@code flag_clinic_last_updated_idx}).
 */
@Service
public class FlagRecords {

	private static final String COLUMNS = """
			SELECT id, patient_id, treatment_id, rule_code, priority, status, serious, symptoms, evidence,
			       last_report_id, raised_at, resolved_at, resolved_by, outcome, causality, seriousness,
			       seriousness_criteria, GREATEST(last_raised_at, last_action_at) AS last_updated
			  FROM flag
			""";

	private final JdbcClient jdbc;

	FlagRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Optional<FlagRecord> find(ClinicId clinicId, FlagId flagId) {
		return this.jdbc.sql(COLUMNS + " WHERE clinic_id = ? AND id = ?")
			.params(clinicId.value(), flagId.value())
			.query(FlagRecords::record)
			.optional();
	}

	/** The clinic's flags (of one patient, when given), a page at a time. */
	@Transactional(readOnly = true)
	public List<FlagRecord> changed(ClinicId clinicId, PatientId patientId, KeysetPage page) {
		String last = "GREATEST(last_raised_at, last_action_at)";
		JdbcClient.StatementSpec statement = page.bind(this.jdbc
			.sql(COLUMNS + " WHERE clinic_id = :clinic" + ((patientId != null) ? " AND patient_id = :patient" : "")
					+ page.conditions(last, "id") + " ORDER BY " + last + ", id LIMIT :keyset_limit")
			.param("clinic", clinicId.value()));
		return ((patientId != null) ? statement.param("patient", patientId.value()) : statement)
			.query(FlagRecords::record)
			.list();
	}

	private static FlagRecord record(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		String causality = rs.getString("causality");
		String seriousness = rs.getString("seriousness");
		UUID lastReport = rs.getObject("last_report_id", UUID.class);
		UUID resolvedBy = rs.getObject("resolved_by", UUID.class);
		return new FlagRecord(new FlagId(rs.getObject("id", UUID.class)),
				new PatientId(rs.getObject("patient_id", UUID.class)),
				new TreatmentId(rs.getObject("treatment_id", UUID.class)), rs.getString("rule_code"),
				rs.getString("priority"), FlagStatus.valueOf(rs.getString("status")), rs.getBoolean("serious"),
				symptoms(rs.getString("symptoms")), rs.getString("evidence"),
				(lastReport != null) ? new ReportId(lastReport) : null, instant(rs.getTimestamp("raised_at")),
				instant(rs.getTimestamp("resolved_at")), (resolvedBy != null) ? new AccountId(resolvedBy) : null,
				(outcome != null) ? Outcome.valueOf(outcome) : null,
				(causality != null) ? Causality.valueOf(causality) : null,
				(seriousness != null) ? Seriousness.valueOf(seriousness) : null,
				criteria(rs.getString("seriousness_criteria")), instant(rs.getTimestamp("last_updated")));
	}

	private static List<Symptom> symptoms(String stored) {
		return Arrays.stream(stored.split(","))
			.map(String::strip)
			.filter((code) -> !code.isEmpty())
			.flatMap((code) -> Arrays.stream(Symptom.values()).filter((s) -> s.name().equals(code)))
			.toList();
	}

	private static Set<Seriousness.Criterion> criteria(String stored) {
		Set<Seriousness.Criterion> criteria = EnumSet.noneOf(Seriousness.Criterion.class);
		if (stored != null) {
			for (String part : stored.split(",")) {
				for (Seriousness.Criterion criterion : Seriousness.Criterion.values()) {
					if (criterion.name().equals(part.strip())) {
						criteria.add(criterion);
					}
				}
			}
		}
		return criteria;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
