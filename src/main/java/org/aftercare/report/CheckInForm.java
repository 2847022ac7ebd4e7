package org.aftercare.report;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** The one-tap "No new symptoms" answer to a check-in: only its one-time token. */
record CheckInForm(@NotNull UUID formToken) {

}
