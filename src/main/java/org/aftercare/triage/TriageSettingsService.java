package org.aftercare.triage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.security.ClinicId;
import org.aftercare.triage.rules.RuleSettings;

/**
 * Each clinic's rule thresholds; the CLINICAL.md defaults until the clinic's admin
 * changes them.
 */
@Service
class TriageSettingsService {

	private final TriageSettingsRepository settings;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	TriageSettingsService(TriageSettingsRepository settings, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The clinic's thresholds, read with a plain query: the queue and every submit need
	 * them, and loading the entity was 5% of the queue page.
	 */
	@Transactional(readOnly = true)
	Thresholds thresholds(ClinicId clinicId) {
		return this.jdbc.sql("""
				SELECT severe_severity, severe_interference, moderate_headache_min, moderate_headache_max,
				       moderate_interference, mild_transient_days, persistent_headache_days,
				       persistent_headache_high_days, worsening_points, late_onset_hours, emergency_ack_minutes,
				       high_ack_minutes, patient_update_hours
				  FROM triage_settings WHERE clinic_id = ?
				""")
			.param(clinicId.value())
			.query((rs, n) -> new Thresholds(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12),
					rs.getInt(13)))
			.optional()
			.orElseGet(Thresholds::defaults);
	}

	@Transactional(readOnly = true)
	RuleSettings ruleSettings(ClinicId clinicId) {
		return thresholds(clinicId).toRuleSettings();
	}

	/** Saves new thresholds and audits every changed value (old and new). */
	@Transactional
	void update(ClinicId clinicId, Thresholds thresholds) {
		Thresholds before = thresholds(clinicId);
		TriageSettings row = this.settings.findById(clinicId.value())
			.orElseGet(() -> new TriageSettings(clinicId.value(), before, this.clock.instant()));
		row.apply(thresholds, this.clock.instant());
		this.settings.save(row);
		List<String> changes = changes(before, thresholds);
		if (!changes.isEmpty()) {
			this.audit.record(new AuditEvent(clinicId, null, AuditAction.TRIAGE_SETTINGS_CHANGED, "triage_settings",
					clinicId.value(), String.join("; ", changes)));
		}
	}

	private static List<String> changes(Thresholds before, Thresholds after) {
		List<String> changes = new ArrayList<>();
		var components = Thresholds.class.getRecordComponents();
		for (var component : components) {
			try {
				Object old = component.getAccessor().invoke(before);
				Object now = component.getAccessor().invoke(after);
				if (!old.equals(now)) {
					changes.add(component.getName() + ": " + old + " -> " + now);
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return changes;
	}

}
