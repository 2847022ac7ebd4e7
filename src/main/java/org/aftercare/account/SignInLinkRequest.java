package org.aftercare.account;

import java.time.Duration;

import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;

/** A request for a sign-in link, with the client address it came from (for the limit). */
final class SignInLinkRequest extends GenerateOneTimeTokenRequest {

	private final String ip;

	SignInLinkRequest(String email, Duration expiresIn, String ip) {
		super(email, expiresIn);
		this.ip = ip;
	}

	String ip() {
		return this.ip;
	}

}
