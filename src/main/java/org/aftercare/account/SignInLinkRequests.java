package org.aftercare.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The web side of asking for a sign-in link, for Spring Security's generating filter: the
 * typed address and the client's, and one answer for every outcome (the login page, with
 * the address typed kept in it). An address that is not one goes on to
 * {@link SignInLinkController}, which shows what is wrong with it.
 */
@Component
class SignInLinkRequests implements GenerateOneTimeTokenRequestResolver, OneTimeTokenGenerationSuccessHandler {

	/** The flash attribute with the address typed, for the login page. */
	static final String TYPED_EMAIL = "signInLinkEmail";

	private final Validator validator;

	private final SignInLinkService links;

	private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

	SignInLinkRequests(Validator validator, SignInLinkService links) {
		this.validator = validator;
		this.links = links;
	}

	@Override
	public GenerateOneTimeTokenRequest resolve(HttpServletRequest request) {
		String email = request.getParameter("email");
		if (!this.validator.validate(new EmailForm(email)).isEmpty()) {
			return null;
		}
		return new SignInLinkRequest(email.strip(), this.links.lifetime(), request.getRemoteAddr());
	}

	/**
	 * The same redirect whether a link was sent or not; the token handed in is never the
	 * e-mailed one ({@link SignInLinkService#generate}) and is dropped.
	 */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken oneTimeToken)
			throws IOException {
		FlashMap flash = new FlashMap();
		flash.put(TYPED_EMAIL, oneTimeToken.getUsername());
		flash.setTargetRequestPath(request.getContextPath() + "/login");
		this.flashMaps.saveOutputFlashMap(flash, request, response);
		response.sendRedirect(request.getContextPath() + "/login?linkSent");
	}

}
