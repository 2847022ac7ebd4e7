package org.aftercare.triage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.aftercare.report.Symptom;
import org.aftercare.triage.rules.Finding;
import org.aftercare.triage.rules.Priority;
import org.aftercare.triage.rules.RuleCode;
import org.aftercare.web.Ids;

/**
 * A report (or the clock) met a rule of CLINICAL.md section 3 and a clinician must look.
 * One open flag per patient, episode and rule: later evidence is added to it, and only a
 * rise in priority alerts again.
 */
@Entity
@Table(name = "flag")
class Flag {

	@Id
	private UUID id;

	@Column(name = "clinic_id", nullable = false, updatable = false)
	private UUID clinicId;

	@Column(name = "patient_id", nullable = false, updatable = false)
	private UUID patientId;

	@Column(name = "treatment_id", nullable = false, updatable = false)
	private UUID treatmentId;

	@Enumerated(EnumType.STRING)
	@Column(name = "rule_code", nullable = false, length = 30, updatable = false)
	private RuleCode ruleCode;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Priority priority;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 15)
	private FlagStatus status;

	private boolean serious;

	@Column(name = "may_have_other_cause")
	private boolean mayHaveOtherCause;

	@Column(nullable = false, length = 600)
	private String symptoms;

	@Column(nullable = false, length = 2000)
	private String evidence;

	@Column(nullable = false, length = 300)
	private String source;

	@Column(name = "other_causes", length = 1000)
	private String otherCauses;

	@Column(name = "raised_at", nullable = false, updatable = false)
	private Instant raisedAt;

	@Column(name = "last_raised_at", nullable = false)
	private Instant lastRaisedAt;

	@Column(name = "last_report_id")
	private UUID lastReportId;

	@Column(name = "acknowledged_at")
	private Instant acknowledgedAt;

	@Column(name = "acknowledged_by")
	private UUID acknowledgedBy;

	@Column(name = "follow_up_requested_at")
	private Instant followUpRequestedAt;

	@Column(name = "last_patient_update_at")
	private Instant lastPatientUpdateAt;

	@Column(name = "escalated_at")
	private Instant escalatedAt;

	@Column(name = "resolved_at")
	private Instant resolvedAt;

	@Column(name = "resolved_by")
	private UUID resolvedBy;

	@Enumerated(EnumType.STRING)
	@Column(length = 30)
	private Outcome outcome;

	@Enumerated(EnumType.STRING)
	@Column(length = 30)
	private Causality causality;

	@Enumerated(EnumType.STRING)
	@Column(length = 20)
	private Seriousness seriousness;

	@Column(name = "seriousness_criteria", length = 200)
	private String seriousnessCriteria;

	@Column(name = "resolution_note", length = 2000)
	private String resolutionNote;

	@Column(name = "last_action_at")
	private Instant lastActionAt;

	@Version
	private Long version;

	protected Flag() {
	}

	Flag(UUID clinicId, UUID patientId, UUID treatmentId, Finding finding, UUID reportId, Instant at) {
		this.id = Ids.next();
		this.clinicId = clinicId;
		this.patientId = patientId;
		this.treatmentId = treatmentId;
		this.ruleCode = finding.rule();
		this.priority = finding.priority();
		this.status = FlagStatus.OPEN;
		this.source = truncate(finding.rule().source(), 300);
		this.raisedAt = at;
		this.lastRaisedAt = at;
		absorb(finding, reportId);
	}

	/**
	 * A later report met the same rule: keep its evidence, and say whether the priority
	 * went up (the only case that alerts the clinic again).
	 */
	boolean addEvidence(Finding finding, UUID reportId, Instant at) {
		absorb(finding, reportId);
		if (this.status != FlagStatus.RESOLVED && finding.priority().compareTo(this.priority) > 0) {
			this.priority = finding.priority();
			this.lastRaisedAt = at;
			return true;
		}
		return false;
	}

	/** R13: up one level (EMERGENCY stays EMERGENCY) and re-alert. */
	void escalate(Priority to, Instant at) {
		this.priority = to;
		this.escalatedAt = at;
		this.lastRaisedAt = at;
	}

	/** The clinician takes the flag: the R13 acknowledgement clock stops. */
	void acknowledge(UUID by, Instant at) {
		if (this.status != FlagStatus.OPEN) {
			throw new IllegalStateException("only an open flag can be acknowledged");
		}
		this.status = FlagStatus.ACKNOWLEDGED;
		this.acknowledgedBy = by;
		this.acknowledgedAt = at;
	}

	/**
	 * The patient is asked for an update; R13 escalates if none comes within the clinic's
	 * wait.
	 */
	void requestFollowUp(Instant at) {
		requireUnresolved();
		this.followUpRequestedAt = at;
	}

	void resolve(UUID by, Instant at, Outcome outcome, Causality causality, Seriousness seriousness, String criteria,
			String note) {
		requireUnresolved();
		this.status = FlagStatus.RESOLVED;
		this.resolvedBy = by;
		this.resolvedAt = at;
		this.outcome = outcome;
		this.causality = causality;
		this.seriousness = seriousness;
		this.seriousnessCriteria = criteria;
		this.resolutionNote = note;
		this.serious = this.serious || seriousness == Seriousness.SERIOUS;
	}

	/**
	 * Back to the queue: acknowledged again by whoever reopens it, so the R13 clock does
	 * not restart.
	 */
	void reopen(UUID by, Instant at) {
		if (this.status != FlagStatus.RESOLVED) {
			throw new IllegalStateException("only a resolved flag can be reopened");
		}
		this.status = FlagStatus.ACKNOWLEDGED;
		this.acknowledgedBy = by;
		this.acknowledgedAt = at;
		this.resolvedAt = null;
		this.resolvedBy = null;
	}

	void requireUnresolved() {
		if (this.status == FlagStatus.RESOLVED) {
			throw new IllegalStateException("the flag is resolved");
		}
	}

	/** Every action changes the row, so the version rises even for a contact note. */
	void touch(Instant at) {
		this.lastActionAt = at;
	}

	long version() {
		return this.version;
	}

	UUID treatmentId() {
		return this.treatmentId;
	}

	/** The clinic asked the patient for an update and none has come since. */
	boolean awaitsPatient() {
		return this.followUpRequestedAt != null
				&& (this.lastPatientUpdateAt == null || this.lastPatientUpdateAt.isBefore(this.followUpRequestedAt));
	}

	void patientUpdated(Instant at) {
		this.lastPatientUpdateAt = at;
	}

	private void absorb(Finding finding, UUID reportId) {
		this.serious = this.serious || finding.serious();
		this.mayHaveOtherCause = this.mayHaveOtherCause || finding.mayHaveOtherCause();
		this.symptoms = truncate(finding.symptoms().stream().map(Symptom::name).collect(Collectors.joining(",")), 600);
		this.evidence = truncate(finding.evidence(), 2000);
		this.otherCauses = finding.otherPossibleCauses().isEmpty() ? null
				: truncate(String.join("; ", finding.otherPossibleCauses()), 1000);
		if (reportId != null) {
			this.lastReportId = reportId;
		}
	}

	static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
	}

	UUID id() {
		return this.id;
	}

	UUID clinicId() {
		return this.clinicId;
	}

	UUID patientId() {
		return this.patientId;
	}

	RuleCode ruleCode() {
		return this.ruleCode;
	}

	Priority priority() {
		return this.priority;
	}

	FlagStatus status() {
		return this.status;
	}

	Instant raisedAt() {
		return this.raisedAt;
	}

	Instant acknowledgedAt() {
		return this.acknowledgedAt;
	}

	Instant followUpRequestedAt() {
		return this.followUpRequestedAt;
	}

	Instant lastPatientUpdateAt() {
		return this.lastPatientUpdateAt;
	}

	Instant escalatedAt() {
		return this.escalatedAt;
	}

	List<Symptom> symptomList() {
		return this.symptoms.isEmpty() ? List.of()
				: java.util.Arrays.stream(this.symptoms.split(",")).map(Symptom::valueOf).toList();
	}

}
