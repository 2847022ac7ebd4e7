package org.aftercare.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.data.domain.Persistable;

import org.aftercare.patient.PatientId;
import org.aftercare.report.Symptom;
import org.aftercare.security.ClinicId;
import org.aftercare.triage.rules.Escalation;
import org.aftercare.triage.rules.Finding;
import org.aftercare.triage.rules.OpenFlagFacts;
import org.aftercare.triage.rules.Priority;
import org.aftercare.triage.rules.RuleCode;
import org.aftercare.web.Ids;

/**
 * A report (or the clock) met a rule of CLINICAL.md section 3 and a clinician must look.
 * One open flag per patient, episode and rule: later evidence is added to it, and only a
 * rise in priority alerts again. The alerts ({@link FlagRaised}, {@link FlagEscalated})
 * are registered here and published when the flag is saved through its repository.
 */
@Entity
@Table(name = "flag")
class Flag implements Persistable<UUID> {

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

	@Transient
	private final transient List<Object> events = new ArrayList<>();

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
		this.events.add(new FlagRaised(new FlagId(this.id), new ClinicId(clinicId), new PatientId(patientId),
				this.ruleCode.name(), this.priority, false));
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
			this.events.add(new FlagRaised(new FlagId(this.id), new ClinicId(this.clinicId),
					new PatientId(this.patientId), this.ruleCode.name(), this.priority, true));
			return true;
		}
		return false;
	}

	/**
	 * R13: up one level (EMERGENCY stays EMERGENCY) and re-alert. Only an unresolved flag
	 * escalates, and only from the priority it has now to the next one up: a verdict
	 * reached on a flag that changed since is refused.
	 */
	void escalate(Escalation escalation, Instant at) {
		requireUnresolved();
		if (escalation.from() != this.priority) {
			throw new IllegalStateException(
					"escalation from " + escalation.from() + " but the flag is " + this.priority);
		}
		if (escalation.to() != this.priority.raise()) {
			throw new IllegalStateException(
					"R13 escalates " + this.priority + " to " + this.priority.raise() + ", not to " + escalation.to());
		}
		this.priority = escalation.to();
		this.escalatedAt = at;
		this.lastRaisedAt = at;
		this.events.add(new FlagEscalated(new FlagId(this.id), new ClinicId(this.clinicId),
				new PatientId(this.patientId), escalation.from(), escalation.to(), escalation.reason()));
	}

	/**
	 * The flag as R13 sees it: the acknowledgement clock runs only while it is open.
	 */
	OpenFlagFacts noReplyFacts() {
		return new OpenFlagFacts(this.priority, this.raisedAt,
				this.status == FlagStatus.OPEN ? null : this.acknowledgedAt, this.followUpRequestedAt,
				this.lastPatientUpdateAt, this.escalatedAt);
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

	/**
	 * The alerts not yet published: Spring Data publishes them on the repository's save.
	 */
	@DomainEvents
	List<Object> domainEvents() {
		return List.copyOf(this.events);
	}

	@AfterDomainEventPublication
	void clearDomainEvents() {
		this.events.clear();
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	/**
	 * New until first written: so the repository's save persists a new flag rather than
	 * merging it (a SELECT by id before the INSERT), without reading the version through
	 * a bean wrapper that has no getter to call.
	 */
	@Override
	public boolean isNew() {
		return this.version == null;
	}

}
