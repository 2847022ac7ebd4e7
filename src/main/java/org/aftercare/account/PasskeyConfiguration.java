package org.aftercare.account;

import java.net.URI;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Passkeys: the relying party is the app at its base URL (its host is the relying-party
 * id, its scheme, host and port the one allowed origin). Every passkey must verify its
 * user (a fingerprint, face or device PIN), so that a passkey is two factors in one: the
 * device held and the user on it. That is why a passkey signs staff in without the
 * authenticator code.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

	@Bean
	WebAuthnRelyingPartyOperations relyingParty(PasskeyUsers users, PasskeyCredentials credentials,
			@Value("${aftercare.base-url}") String baseUrl) {
		URI base = URI.create(baseUrl);
		String origin = base.getScheme() + "://" + base.getHost()
				+ ((base.getPort() != -1) ? ":" + base.getPort() : "");
		Webauthn4JRelyingPartyOperations relyingParty = new Webauthn4JRelyingPartyOperations(users, credentials,
				PublicKeyCredentialRpEntity.builder().id(base.getHost()).name("Aftercare").build(), Set.of(origin));
		relyingParty.setCustomizeCreationOptions(
				(options) -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
					.residentKey(ResidentKeyRequirement.REQUIRED)
					.userVerification(UserVerificationRequirement.REQUIRED)
					.build()));
		relyingParty
			.setCustomizeRequestOptions((options) -> options.userVerification(UserVerificationRequirement.REQUIRED));
		return relyingParty;
	}

}
