package org.aftercare.account;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many sign-in links an address may be sent, and how many requests for them a client
 * address may make, in a window.
 */
@Component
class SignInLinkLimit extends LinkRequestLimit {

	SignInLinkLimit(JdbcClient jdbc, Clock clock,
			@Value("${aftercare.sign-in-link.max-per-address:3}") int maxPerAddress,
			@Value("${aftercare.sign-in-link.address-window:PT1H}") Duration addressWindow,
			@Value("${aftercare.sign-in-link.max-per-ip:20}") int maxPerIp,
			@Value("${aftercare.sign-in-link.ip-window:PT1H}") Duration ipWindow) {
		super(jdbc, clock, "SIGN_IN_LINK", maxPerAddress, addressWindow, maxPerIp, ipWindow);
	}

	@Override
	@Scheduled(fixedDelayString = "${aftercare.login.purge-delay:PT1H}", initialDelayString = "PT5M")
	void purge() {
		super.purge();
	}

}
