package org.aftercare.web;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

import org.aftercare.security.CurrentUser;
import org.aftercare.security.CurrentUsers;

/**
 * The language of a page. Staff pages are English, whatever the browser asks. A patient's
 * page, in this order: the signed-in patient's own language (stored on their account, or
 * just switched to); else a choice made with the switch on the page (a cookie); else the
 * language of the account a link (invitation, password reset, sign-in or check-in link)
 * belongs to; else the browser's first language we have; else English. The Spring MVC
 * locale resolver ({@code localeResolver}), so that messages, validation messages and
 * dates all follow it. Worked out once per request.
 */
public class PageLanguage implements LocaleResolver {

	/** The switch's choice, for the pages before signing in and after signing out. */
	public static final String COOKIE = "language";

	static final Duration COOKIE_LIFETIME = Duration.ofDays(365);

	/** The language worked out for this request. */
	private static final String RESOLVED = PageLanguage.class.getName() + ".resolved";

	/** This request is a staff member's page, reached before signing in: English. */
	private static final String STAFF = PageLanguage.class.getName() + ".staff";

	/** The language of the account whose link opened this session's pages. */
	static final String LINK = PageLanguage.class.getName() + ".link";

	/**
	 * What the signed-in patient switched to in this session (saved on their account).
	 */
	static final String SWITCHED = PageLanguage.class.getName() + ".switched";

	/**
	 * Staff paths, whoever asks: they are English even before the staff member signs in.
	 */
	private static final List<String> STAFF_PATHS = List.of("/clinician/", "/admin/", "/two-factor");

	private final Languages languages;

	PageLanguage(Languages languages) {
		this.languages = languages;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(RESOLVED) instanceof Locale resolved) {
			return resolved;
		}
		Locale locale = decide(request);
		request.setAttribute(RESOLVED, locale);
		return locale;
	}

	private Locale decide(HttpServletRequest request) {
		Optional<CurrentUser> user = CurrentUsers.current();
		HttpSession session = request.getSession(false);
		if (user.isPresent()) {
			if (user.get().isStaff()) {
				return Languages.DEFAULT;
			}
			if (session != null && session.getAttribute(SWITCHED) instanceof Switched switched
					&& switched.accountId().equals(user.get().accountId())) {
				return this.languages.of(switched.language());
			}
			Optional<Locale> stored = this.languages.find(user.get().language());
			if (stored.isPresent()) {
				return stored.get();
			}
		}
		else if (isStaffPage(request)) {
			return Languages.DEFAULT;
		}
		Optional<Locale> chosen = cookie(request).flatMap(this.languages::find);
		if (chosen.isPresent()) {
			return chosen.get();
		}
		if (session != null && session.getAttribute(LINK) instanceof String link) {
			Optional<Locale> linked = this.languages.find(link);
			if (linked.isPresent()) {
				return linked.get();
			}
		}
		return this.languages.bestFor(Collections.list(request.getLocales()));
	}

	private static boolean isStaffPage(HttpServletRequest request) {
		if (Boolean.TRUE.equals(request.getAttribute(STAFF))) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return STAFF_PATHS.stream().anyMatch(path::startsWith);
	}

	private static Optional<String> cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return Optional.ofNullable(cookie.getValue());
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * A page opened by a link of one account (invitation, password reset, check-in link),
	 * before anyone signs in: a patient's pages follow the account's language for the
	 * rest of this session unless the visitor chooses another; a staff member's are
	 * English.
	 */
	public void useAccountLanguage(HttpServletRequest request, String tag, boolean staff) {
		request.removeAttribute(RESOLVED);
		if (staff) {
			request.setAttribute(STAFF, true);
			return;
		}
		this.languages.find(tag)
			.ifPresent((locale) -> request.getSession(true).setAttribute(LINK, locale.toLanguageTag()));
	}

	/**
	 * A page whose address names its language: the offline pages the service worker
	 * keeps, one for each language, fetched without cookies.
	 */
	void useLanguageOfAddress(HttpServletRequest request, Locale locale) {
		request.setAttribute(RESOLVED, locale);
	}

	/**
	 * The visitor chose a language with the switch: kept in a cookie for the pages before
	 * signing in, and for the signed-in patient in the session too (the caller saves it
	 * on their account).
	 */
	public void choose(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		request.removeAttribute(RESOLVED);
		String tag = locale.toLanguageTag();
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(COOKIE, tag)
					.path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
					.maxAge(COOKIE_LIFETIME)
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Lax")
					.build()
					.toString());
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(LINK);
		}
		CurrentUsers.current()
			.filter((user) -> !user.isStaff())
			.ifPresent((user) -> request.getSession(true).setAttribute(SWITCHED, new Switched(user.accountId(), tag)));
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		choose(request, response, (locale != null) ? locale : Languages.DEFAULT);
	}

	/** The switch of the page being rendered: empty on staff pages. */
	public Switch currentSwitch() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return Switch.NONE;
		}
		HttpServletRequest request = servlet.getRequest();
		Optional<CurrentUser> user = CurrentUsers.current();
		boolean staff = user.isPresent() ? user.get().isStaff() : isStaffPage(request);
		if (staff) {
			return Switch.NONE;
		}
		return new Switch(this.languages.options(resolveLocale(request)), back(request));
	}

	/**
	 * Where the switch brings the visitor back to: this page (an error page: the address
	 * that had the error). A page shown in answer to a form (a POST with errors) goes
	 * back to the page the form was on, which the browser names in the Referer header on
	 * our own pages.
	 */
	private static String back(HttpServletRequest request) {
		// An error page (404, 403, 500) is shown at /error: back to the address asked
		// for.
		boolean error = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String;
		String uri = error ? (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
				: request.getRequestURI();
		String query = error ? (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING)
				: request.getQueryString();
		String path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
		if ("GET".equals(request.getMethod())) {
			return (query != null) ? path + "?" + query : path;
		}
		String referer = request.getHeader(HttpHeaders.REFERER);
		if (referer != null) {
			try {
				URI from = URI.create(referer);
				if (request.getServerName().equalsIgnoreCase(from.getHost()) && from.getRawPath() != null
						&& from.getRawPath().startsWith(request.getContextPath())) {
					String page = from.getRawPath().substring(request.getContextPath().length());
					return (from.getRawQuery() != null) ? page + "?" + from.getRawQuery() : page;
				}
			}
			catch (IllegalArgumentException ex) {
				// Not an address: back to this page's own path.
			}
		}
		return path;
	}

	/**
	 * A path of this application to redirect to after switching; anything else (another
	 * site, {@code //host}, a line break) is the home page.
	 */
	public static String safeBack(String back) {
		if (back == null || back.isEmpty() || back.length() > 2000 || !back.startsWith("/") || back.startsWith("//")
				|| back.startsWith("/\\") || back.chars().anyMatch((c) -> c < 0x20 || c == 0x7f || c == '\\')) {
			return "/";
		}
		return back;
	}

	/** The language switch a patient's page shows: each language, and the way back. */
	public record Switch(List<Languages.Option> options, String back) {

		static final Switch NONE = new Switch(List.of(), "/");

		public boolean shown() {
			return this.options.size() > 1;
		}

	}

	/** A signed-in patient's switch, for their account only. */
	record Switched(UUID accountId, String language) implements Serializable {

	}

}
