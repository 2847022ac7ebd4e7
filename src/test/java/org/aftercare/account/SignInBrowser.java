package org.aftercare.account;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.aftercare.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One browser for the two-step sign-in tests: its own address and session cookie, kept
 * across requests, and the readers of the enrolment page's secret and recovery codes.
 */
final class SignInBrowser {

	private static final Pattern SECRET = Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>");

	private static final Pattern RECOVERY = Pattern
		.compile("<code>([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})</code>");

	private final MockMvc mvc;

	private final String ip = LoginThrottleTests.randomAddress();

	private Cookie session;

	SignInBrowser(MockMvc mvc) {
		this.mvc = mvc;
	}

	MockHttpServletResponse login(String email) throws Exception {
		return perform(post("/login").with(csrf()).param("email", email).param("password", TestFixtures.PASSWORD));
	}

	MockHttpServletResponse code(String code) throws Exception {
		return code("/two-factor", code);
	}

	MockHttpServletResponse code(String path, String code) throws Exception {
		return perform(post(path).with(csrf()).param("code", code));
	}

	/**
	 * Confirms a change of the two-step login at {@code /account/two-factor/{action}}.
	 */
	MockHttpServletResponse confirm(String action, String password, String code) throws Exception {
		return perform(
				post("/account/two-factor/" + action).with(csrf()).param("password", password).param("code", code));
	}

	MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		request.with((r) -> {
			r.setRemoteAddr(this.ip);
			return r;
		});
		if (this.session != null) {
			request.cookie(this.session);
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		Cookie renewed = response.getCookie("SESSION");
		if (renewed != null) {
			this.session = renewed;
		}
		return response;
	}

	/** The enrolment page's secret, without its spaces. */
	static String secret(MockHttpServletResponse page) throws Exception {
		Matcher matcher = SECRET.matcher(page.getContentAsString());
		assertThat(matcher.find()).as("secret on the page").isTrue();
		return matcher.group(1).replace(" ", "");
	}

	static List<String> recoveryCodes(MockHttpServletResponse page) throws Exception {
		Matcher matcher = RECOVERY.matcher(page.getContentAsString());
		List<String> codes = new ArrayList<>();
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

}
