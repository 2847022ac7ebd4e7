package org.aftercare.account;

/** A clinic's sign-in rules, as its admin sets them. */
record SecuritySettingsForm(Boolean requireTwoFactor) {

	boolean required() {
		return Boolean.TRUE.equals(this.requireTwoFactor);
	}

}
