package org.aftercare.triage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

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
		return of(Thresholds.defaults());
	}

	/** The form filled in with the clinic's current thresholds. */
	static SettingsForm of(Thresholds t) {
		return new SettingsForm(t.severeSeverity(), t.severeInterference(), t.moderateHeadacheMin(),
				t.moderateHeadacheMax(), t.moderateInterference(), t.mildTransientDays(), t.persistentHeadacheDays(),
				t.persistentHeadacheHighDays(), t.worseningPoints(), t.lateOnsetHours(), t.emergencyAckMinutes(),
				t.highAckMinutes(), t.patientUpdateHours());
	}

	/** The thresholds a valid form sets (every field is present once it validated). */
	Thresholds thresholds() {
		return new Thresholds(this.severeSeverity, this.severeInterference, this.moderateHeadacheMin,
				this.moderateHeadacheMax, this.moderateInterference, this.mildTransientDays,
				this.persistentHeadacheDays, this.persistentHeadacheHighDays, this.worseningPoints, this.lateOnsetHours,
				this.emergencyAckMinutes, this.highAckMinutes, this.patientUpdateHours);
	}

}
