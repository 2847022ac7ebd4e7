package org.aftercare.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.aftercare.triage.rules.RuleSettings;

/**
 * A clinic's own thresholds for the flag rules (every "default" of CLINICAL.md section
 * 3).
 */
@Entity
@Table(name = "triage_settings")
class TriageSettings {

	@Id
	@Column(name = "clinic_id")
	private UUID clinicId;

	@Column(name = "severe_severity")
	private short severeSeverity;

	@Column(name = "severe_interference")
	private short severeInterference;

	@Column(name = "moderate_headache_min")
	private short moderateHeadacheMin;

	@Column(name = "moderate_headache_max")
	private short moderateHeadacheMax;

	@Column(name = "moderate_interference")
	private short moderateInterference;

	@Column(name = "mild_transient_days")
	private short mildTransientDays;

	@Column(name = "persistent_headache_days")
	private short persistentHeadacheDays;

	@Column(name = "persistent_headache_high_days")
	private short persistentHeadacheHighDays;

	@Column(name = "worsening_points")
	private short worseningPoints;

	@Column(name = "late_onset_hours")
	private short lateOnsetHours;

	@Column(name = "emergency_ack_minutes")
	private short emergencyAckMinutes;

	@Column(name = "high_ack_minutes")
	private short highAckMinutes;

	@Column(name = "patient_update_hours")
	private short patientUpdateHours;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private Long version;

	protected TriageSettings() {
	}

	TriageSettings(UUID clinicId, SettingsForm form, Instant at) {
		this.clinicId = clinicId;
		apply(form, at);
	}

	void apply(SettingsForm form, Instant at) {
		this.severeSeverity = form.severeSeverity().shortValue();
		this.severeInterference = form.severeInterference().shortValue();
		this.moderateHeadacheMin = form.moderateHeadacheMin().shortValue();
		this.moderateHeadacheMax = form.moderateHeadacheMax().shortValue();
		this.moderateInterference = form.moderateInterference().shortValue();
		this.mildTransientDays = form.mildTransientDays().shortValue();
		this.persistentHeadacheDays = form.persistentHeadacheDays().shortValue();
		this.persistentHeadacheHighDays = form.persistentHeadacheHighDays().shortValue();
		this.worseningPoints = form.worseningPoints().shortValue();
		this.lateOnsetHours = form.lateOnsetHours().shortValue();
		this.emergencyAckMinutes = form.emergencyAckMinutes().shortValue();
		this.highAckMinutes = form.highAckMinutes().shortValue();
		this.patientUpdateHours = form.patientUpdateHours().shortValue();
		this.updatedAt = at;
	}

	static RuleSettings toRuleSettings(SettingsForm form) {
		return new RuleSettings(form.severeSeverity(), form.severeInterference(), form.moderateHeadacheMin(),
				form.moderateHeadacheMax(), form.moderateInterference(), Duration.ofDays(form.mildTransientDays()),
				Duration.ofDays(form.persistentHeadacheDays()), Duration.ofDays(form.persistentHeadacheHighDays()),
				form.worseningPoints(), Duration.ofHours(form.lateOnsetHours()),
				Duration.ofMinutes(form.emergencyAckMinutes()), Duration.ofMinutes(form.highAckMinutes()),
				Duration.ofHours(form.patientUpdateHours()));
	}

}
