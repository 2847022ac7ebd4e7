package org.aftercare.triage;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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

	TriageSettings(UUID clinicId, Thresholds thresholds, Instant at) {
		this.clinicId = clinicId;
		apply(thresholds, at);
	}

	void apply(Thresholds thresholds, Instant at) {
		this.severeSeverity = (short) thresholds.severeSeverity();
		this.severeInterference = (short) thresholds.severeInterference();
		this.moderateHeadacheMin = (short) thresholds.moderateHeadacheMin();
		this.moderateHeadacheMax = (short) thresholds.moderateHeadacheMax();
		this.moderateInterference = (short) thresholds.moderateInterference();
		this.mildTransientDays = (short) thresholds.mildTransientDays();
		this.persistentHeadacheDays = (short) thresholds.persistentHeadacheDays();
		this.persistentHeadacheHighDays = (short) thresholds.persistentHeadacheHighDays();
		this.worseningPoints = (short) thresholds.worseningPoints();
		this.lateOnsetHours = (short) thresholds.lateOnsetHours();
		this.emergencyAckMinutes = (short) thresholds.emergencyAckMinutes();
		this.highAckMinutes = (short) thresholds.highAckMinutes();
		this.patientUpdateHours = (short) thresholds.patientUpdateHours();
		this.updatedAt = at;
	}

}
