package org.aftercare.triage.rules;

/**
 * R13's verdict on an open flag: raise it to {@code to} and re-alert the clinic (also
 * when already at EMERGENCY, where {@code to} equals {@code from}).
 *
 * @param reason the facts, e.g. "EMERGENCY flag not acknowledged 16 min after it was
 * raised (target 15 min)"
 */
public record Escalation(Priority from, Priority to, String reason) {
}
