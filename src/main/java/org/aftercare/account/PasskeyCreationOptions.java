package org.aftercare.account;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps a passkey registration's options (its challenge above all) in the session between
 * the two requests of a registration. Sessions live in PostgreSQL, serialized, and Spring
 * Security's options object is not serializable, so the session holds a serializable copy
 * of its parts, rebuilt when the registration comes back.
 */
@Component
class PasskeyCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

	static final String ATTRIBUTE = PasskeyCreationOptions.class.getName();

	/** The algorithms Spring Security offers, by their COSE number. */
	private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(PublicKeyCredentialParameters.EdDSA,
			PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384,
			PublicKeyCredentialParameters.ES512, PublicKeyCredentialParameters.RS256,
			PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512,
			PublicKeyCredentialParameters.RS1);

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			PublicKeyCredentialCreationOptions options) {
		if (options == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			return;
		}
		request.getSession(true).setAttribute(ATTRIBUTE, Saved.of(options));
	}

	@Override
	public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null && session.getAttribute(ATTRIBUTE) instanceof Saved saved) ? saved.options() : null;
	}

	record Saved(String rpId, String rpName, PublicKeyCredentialUserEntity user, Bytes challenge,
			ArrayList<Long> algorithms, Duration timeout, ArrayList<PublicKeyCredentialDescriptor> exclude,
			AuthenticatorAttachment attachment, String residentKey, UserVerificationRequirement userVerification,
			String attestation, AuthenticationExtensionsClientInputs extensions) implements Serializable {

		static Saved of(PublicKeyCredentialCreationOptions options) {
			AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
			return new Saved(options.getRp().getId(), options.getRp().getName(), options.getUser(),
					options.getChallenge(),
					new ArrayList<>(options.getPubKeyCredParams().stream().map((p) -> p.getAlg().getValue()).toList()),
					options.getTimeout(), new ArrayList<>(options.getExcludeCredentials()),
					(selection != null) ? selection.getAuthenticatorAttachment() : null,
					(selection != null && selection.getResidentKey() != null) ? selection.getResidentKey().getValue()
							: null,
					(selection != null) ? selection.getUserVerification() : null,
					(options.getAttestation() != null) ? options.getAttestation().getValue() : null,
					options.getExtensions());
		}

		PublicKeyCredentialCreationOptions options() {
			AuthenticatorSelectionCriteria.AuthenticatorSelectionCriteriaBuilder selection = AuthenticatorSelectionCriteria
				.builder()
				.authenticatorAttachment(this.attachment)
				.userVerification(this.userVerification);
			if (this.residentKey != null) {
				selection.residentKey(ResidentKeyRequirement.valueOf(this.residentKey));
			}
			PublicKeyCredentialCreationOptions.PublicKeyCredentialCreationOptionsBuilder builder = PublicKeyCredentialCreationOptions
				.builder()
				.rp(PublicKeyCredentialRpEntity.builder().id(this.rpId).name(this.rpName).build())
				.user(this.user)
				.challenge(this.challenge)
				.pubKeyCredParams(
						ALGORITHMS.stream().filter((p) -> this.algorithms.contains(p.getAlg().getValue())).toList())
				.timeout(this.timeout)
				.excludeCredentials(this.exclude)
				.authenticatorSelection(selection.build())
				.extensions(this.extensions);
			if (this.attestation != null) {
				builder.attestation(AttestationConveyancePreference.valueOf(this.attestation));
			}
			return builder.build();
		}

	}

}
