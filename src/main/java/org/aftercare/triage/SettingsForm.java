package org.aftercare.triage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.aftercare.triage.rules.RuleSettings;

/**
 * The admin's form for the rule thresholds; ranges keep every threshold clinically
 * meaningful.
 */
record SettingsForm(@NotNull @Min(1) @Max(10) Integer severeSeverity,
		@NotNull @Min(1) @Max(4) Integer severeInterference, @NotNull @Min(1) @Max(10) Integer moderateHeadacheMin,
		@NotNull @Min(1) @Max(10) Integer moderateHeadacheMax, @NotNull @Min(1) @Max(4) Integer moderateInterference,
		@NotNull @Min(1) @Max(30) Integer mildTransientDays, @NotNull @Min(1) @Max(30) Integer persistentHeadacheDays,
		@NotNull @Min(1) @Max(60) Integer persistentHeadacheHighDays, @NotNull @Min(1) @Max(10) Integer worseningPoints,
		@NotNull @Min(1) @Max(720) Integer lateOnsetHours, @NotNull @Min(1) @Max(240) Integer emergencyAckMinutes,
		@NotNull @Min(1) @Max(1440) Integer highAckMinutes, @NotNull @Min(1) @Max(336) Integer patientUpdateHours) {

	static SettingsForm defaults() {
		RuleSettings d = RuleSettings.defaults();
		return new SettingsForm(d.severeSeverity(), d.severeInterference(), d.moderateHeadacheMin(),
				d.moderateHeadacheMax(), d.moderateInterference(), (int) d.mildTransientWindow().toDays(),
				(int) d.persistentHeadacheMedium().toDays(), (int) d.persistentHeadacheHigh().toDays(),
				d.worseningPoints(), (int) d.lateOnset().toHours(),
				(int) d.emergencyAcknowledgementTarget().toMinutes(), (int) d.highAcknowledgementTarget().toMinutes(),
				(int) d.patientUpdateWait().toHours());
	}

}
