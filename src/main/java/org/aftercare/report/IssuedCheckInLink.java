package org.aftercare.report;

import java.time.Duration;

/** A link's token, for the one e-mail that carries it, and its check-in's offset. */
public record IssuedCheckInLink(String token, Duration offset) {

	@Override
	public String toString() {
		return "IssuedCheckInLink[" + this.offset + "]";
	}

}
