package org.aftercare.triage;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aftercare.triage.rules.Finding;
import org.aftercare.triage.rules.Priority;
import org.aftercare.triage.rules.RuleCode;
import org.aftercare.web.Ids;

/**
 * One time a rule was met: by which report, at what priority, with what facts. Never
 * changed.
 */
@Entity
@Table(name = "flag_evidence")
class FlagEvidence {

	@Id
	private UUID id;

	@Column(name = "clinic_id", nullable = false, updatable = false)
	private UUID clinicId;

	@Column(name = "flag_id", nullable = false, updatable = false)
	private UUID flagId;

	@Column(name = "report_id", updatable = false)
	private UUID reportId;

	@Enumerated(EnumType.STRING)
	@Column(name = "rule_code", nullable = false, length = 30, updatable = false)
	private RuleCode ruleCode;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10, updatable = false)
	private Priority priority;

	@Column(nullable = false, length = 2000, updatable = false)
	private String evidence;

	@Column(name = "may_have_other_cause", nullable = false, updatable = false)
	private boolean mayHaveOtherCause;

	@Column(name = "recorded_at", nullable = false, updatable = false)
	private Instant recordedAt;

	protected FlagEvidence() {
	}

	FlagEvidence(Flag flag, Finding finding, UUID reportId, Instant at) {
		this.id = Ids.next();
		this.clinicId = flag.clinicId();
		this.flagId = flag.id();
		this.reportId = reportId;
		this.ruleCode = finding.rule();
		this.priority = finding.priority();
		this.evidence = Flag.truncate(finding.evidence(), 2000);
		this.mayHaveOtherCause = finding.mayHaveOtherCause();
		this.recordedAt = at;
	}

	Priority priority() {
		return this.priority;
	}

	RuleCode ruleCode() {
		return this.ruleCode;
	}

	boolean mayHaveOtherCause() {
		return this.mayHaveOtherCause;
	}

}
