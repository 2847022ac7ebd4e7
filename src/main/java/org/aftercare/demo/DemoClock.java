package org.aftercare.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The application's clock on the local run: real time, except while {@link DemoData}
 * seeds the weeks before today, when it stands at the moment being seeded, so that every
 * treatment, check-in, report, flag and audit row of the demo history carries the time it
 * would have had. Never in production: it needs {@code aftercare.demo-data=true}, which
 * only the local profile sets.
 */
@Component
@Primary
@ConditionalOnBooleanProperty("aftercare.demo-data")
class DemoClock extends Clock {

	/** Set only by the seeder, on the start-up thread, before anyone can sign in. */
	private volatile Instant standing;

	/** The clock stands at {@code at} until {@link #release()}. */
	void standAt(Instant at) {
		this.standing = at;
	}

	void advance(Duration by) {
		this.standing = this.standing.plus(by);
	}

	void release() {
		this.standing = null;
	}

	@Override
	public Instant instant() {
		Instant at = this.standing;
		return (at != null) ? at : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
