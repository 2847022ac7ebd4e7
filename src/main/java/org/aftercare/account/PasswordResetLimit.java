package org.aftercare.account;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many password reset links an address may be sent, and how many requests a client
 * address may make, in a window.
 */
@Component
class PasswordResetLimit extends LinkRequestLimit {

	PasswordResetLimit(JdbcClient jdbc, Clock clock,
			@Value("${aftercare.password-reset.max-per-address:3}") int maxPerAddress,
			@Value("${aftercare.password-reset.address-window:PT1H}") Duration addressWindow,
			@Value("${aftercare.password-reset.max-per-ip:20}") int maxPerIp,
			@Value("${aftercare.password-reset.ip-window:PT1H}") Duration ipWindow) {
		super(jdbc, clock, "PASSWORD_RESET", maxPerAddress, addressWindow, maxPerIp, ipWindow);
	}

	@Override
	@Scheduled(fixedDelayString = "${aftercare.login.purge-delay:PT1H}", initialDelayString = "PT5M")
	void purge() {
		super.purge();
	}

}
