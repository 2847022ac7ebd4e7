package org.aftercare.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What makes the app installable on a phone: its web app manifest, its service worker
 * (served from the root, so that its scope is the whole app) and the page it shows when
 * there is no connection, in each language. All are public and hold nobody's data.
 */
@Controller
class AppShellController {

	static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");

	static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	/** The layout's brand colour (app.css {@code --brand}) and page background. */
	static final String THEME_COLOUR = "#0b5c74";

	static final String BACKGROUND_COLOUR = "#f7f9fb";

	private final AppShell shell;

	private final MessageSource messages;

	private final Languages languages;

	private final PageLanguage pageLanguage;

	AppShellController(AppShell shell, MessageSource messages, Languages languages, PageLanguage pageLanguage) {
		this.shell = shell;
		this.messages = messages;
		this.languages = languages;
		this.pageLanguage = pageLanguage;
	}

	@GetMapping("/manifest.webmanifest")
	ResponseEntity<Map<String, Object>> manifest(HttpServletRequest request, Locale locale) {
		String root = request.getContextPath() + "/";
		String icons = request.getContextPath() + "/assets/icons/";
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("id", root);
		manifest.put("name", this.messages.getMessage("app.name", null, locale));
		manifest.put("short_name", this.messages.getMessage("app.name", null, locale));
		manifest.put("description", this.messages.getMessage("app.description", null, locale));
		manifest.put("lang", locale.toLanguageTag());
		// "/" sends each role to its own home (a patient to /me), and to the login first
		// when signed out.
		manifest.put("start_url", root);
		manifest.put("scope", root);
		manifest.put("display", "standalone");
		manifest.put("theme_color", THEME_COLOUR);
		manifest.put("background_color", BACKGROUND_COLOUR);
		manifest.put("icons",
				List.of(icon(icons + "icon-192.png", "192x192", "any"), icon(icons + "icon-512.png", "512x512", "any"),
						icon(icons + "icon-maskable-512.png", "512x512", "maskable")));
		return ResponseEntity.ok().contentType(MANIFEST).cacheControl(CacheControl.noCache()).body(manifest);
	}

	/**
	 * Never cached by the browser as it is: it checks for a new worker on every visit,
	 * and a release's new version replaces the cache.
	 */
	@GetMapping("/sw.js")
	ResponseEntity<String> serviceWorker(HttpServletRequest request) {
		return ResponseEntity.ok()
			.contentType(JAVASCRIPT)
			.cacheControl(CacheControl.noCache())
			.body(this.shell.worker(request.getContextPath()));
	}

	/** In the language the request asks for: the browser's, or a patient's own. */
	@GetMapping(AppShell.OFFLINE_PAGE)
	String offline() {
		return "web/offline";
	}

	/**
	 * In the language its address names, whoever asks: the worker keeps one for each
	 * language and shows the one of the last page its reader saw.
	 */
	@GetMapping(AppShell.OFFLINE_PAGE + "/{language}")
	String offlineIn(@PathVariable String language, HttpServletRequest request) {
		Locale locale = this.languages.find(language).orElseThrow(() -> new NotFoundException("language"));
		this.pageLanguage.useLanguageOfAddress(request, locale);
		return "web/offline";
	}

	private static Map<String, String> icon(String src, String sizes, String purpose) {
		return Map.of("src", src, "sizes", sizes, "type", "image/png", "purpose", purpose);
	}

}
