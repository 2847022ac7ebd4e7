package org.aftercare.triage;

import java.time.Duration;

import org.aftercare.triage.rules.RuleSettings;

/**
 * A clinic's rule thresholds as stored, in the units the admin types them (points, days,
 * hours, minutes): what the settings page saves and the rules read. The component names
 * are those the audit trail records a change under.
 */
record Thresholds(int severeSeverity, int severeInterference, int moderateHeadacheMin, int moderateHeadacheMax,
		int moderateInterference, int mildTransientDays, int persistentHeadacheDays, int persistentHeadacheHighDays,
		int worseningPoints, int lateOnsetHours, int emergencyAckMinutes, int highAckMinutes, int patientUpdateHours) {

	/** CLINICAL.md's defaults, for a clinic whose admin has changed nothing. */
	static Thresholds defaults() {
		RuleSettings d = RuleSettings.defaults();
		return new Thresholds(d.severeSeverity(), d.severeInterference(), d.moderateHeadacheMin(),
				d.moderateHeadacheMax(), d.moderateInterference(), (int) d.mildTransientWindow().toDays(),
				(int) d.persistentHeadacheMedium().toDays(), (int) d.persistentHeadacheHigh().toDays(),
				d.worseningPoints(), (int) d.lateOnset().toHours(),
				(int) d.emergencyAcknowledgementTarget().toMinutes(), (int) d.highAcknowledgementTarget().toMinutes(),
				(int) d.patientUpdateWait().toHours());
	}

	RuleSettings toRuleSettings() {
		return new RuleSettings(this.severeSeverity, this.severeInterference, this.moderateHeadacheMin,
				this.moderateHeadacheMax, this.moderateInterference, Duration.ofDays(this.mildTransientDays),
				Duration.ofDays(this.persistentHeadacheDays), Duration.ofDays(this.persistentHeadacheHighDays),
				this.worseningPoints, Duration.ofHours(this.lateOnsetHours),
				Duration.ofMinutes(this.emergencyAckMinutes), Duration.ofMinutes(this.highAckMinutes),
				Duration.ofHours(this.patientUpdateHours));
	}

}
