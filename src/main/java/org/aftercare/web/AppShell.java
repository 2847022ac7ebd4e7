package org.aftercare.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What the service worker keeps on the device: the app's own static files, the uPlot
 * files the charts load, and the offline page in each language; never a page with
 * anyone's data. Its version is a hash of all of them (and of the worker's script and the
 * texts), so a release that changes any of them gets a new cache, which replaces the old
 * one.
 */
@Component
class AppShell {

	/**
	 * The offline page: public, nobody's data; in the language the request asks for, and
	 * at {@code /offline/{language}} in that language.
	 */
	static final String OFFLINE_PAGE = "/offline";

	private static final String STATIC = "classpath:static/";

	private static final String UPLOT = "classpath*:META-INF/resources/webjars/uplot/*/dist/";

	private static final List<String> UPLOT_FILES = List.of("uPlot.iife.min.js", "uPlot.min.css");

	private final List<String> paths;

	private final String version;

	/** Each language's offline page, by language tag. */
	private final Map<String, String> offlinePages;

	private final String workerSource;

	AppShell(Languages languages) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			List<String> paths = new ArrayList<>();
			for (String pattern : List.of("css/*.css", "js/*.js", "icons/*.png")) {
				for (Resource resource : sorted(resolver.getResources(STATIC + pattern))) {
					String path = "/assets/" + pattern.substring(0, pattern.indexOf('/') + 1) + resource.getFilename();
					paths.add(path);
					add(digest, path, resource);
				}
			}
			for (String file : UPLOT_FILES) {
				Resource[] found = resolver.getResources(UPLOT + file);
				if (found.length == 0) {
					throw new IllegalStateException("The uPlot webjar has no dist/" + file);
				}
				String path = "/webjars/uplot/dist/" + file;
				paths.add(path);
				add(digest, path, found[0]);
			}
			// The one the worker shows, in the browser's language until a page tells it
			// the language its patient reads, and each language's, which the worker
			// copies
			// in its place.
			paths.add(OFFLINE_PAGE);
			Map<String, String> offlinePages = new LinkedHashMap<>();
			for (Locale language : languages.supported()) {
				String path = OFFLINE_PAGE + "/" + language.toLanguageTag();
				offlinePages.put(language.toLanguageTag(), path);
				paths.add(path);
			}
			this.offlinePages = Map.copyOf(offlinePages);
			Resource worker = resolver.getResource("classpath:app-shell/sw.js");
			add(digest, "sw.js", worker);
			add(digest, "offline", resolver.getResource("classpath:templates/web/offline.html"));
			for (Resource messages : sorted(resolver.getResources("classpath*:messages*.properties"))) {
				add(digest, "messages", messages);
			}
			this.paths = List.copyOf(paths);
			this.version = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
			try (InputStream in = worker.getInputStream()) {
				this.workerSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the app's static files", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The paths the worker keeps, without the context path. */
	List<String> paths() {
		return this.paths;
	}

	/** Each language's offline page, by language tag ("es"), without the context path. */
	Map<String, String> offlinePages() {
		return this.offlinePages;
	}

	String version() {
		return this.version;
	}

	/** The worker's script, for an app served under {@code contextPath}. */
	String worker(String contextPath) {
		StringBuilder list = new StringBuilder("[");
		for (String path : this.paths) {
			list.append(list.length() > 1 ? ", " : "").append('\'').append(contextPath).append(path).append('\'');
		}
		list.append(']');
		StringBuilder pages = new StringBuilder("{");
		this.offlinePages.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((page) -> pages.append(pages.length() > 1 ? ", " : "")
				.append('\'')
				.append(page.getKey())
				.append("': '")
				.append(contextPath)
				.append(page.getValue())
				.append('\''));
		pages.append('}');
		return this.workerSource.replace("'__VERSION__'", "'" + this.version + "'")
			.replace("'__OFFLINE__'", "'" + contextPath + OFFLINE_PAGE + "'")
			.replace("'__OFFLINE_PAGES__'", pages.toString())
			.replace("'__PRECACHE__'", list.toString());
	}

	private static Resource[] sorted(Resource[] resources) {
		Resource[] copy = resources.clone();
		java.util.Arrays.sort(copy, Comparator.comparing((r) -> String.valueOf(r.getFilename())));
		return copy;
	}

	private static void add(MessageDigest digest, String name, Resource resource) throws IOException {
		digest.update(name.getBytes(StandardCharsets.UTF_8));
		try (InputStream in = resource.getInputStream()) {
			digest.update(in.readAllBytes());
		}
	}

}
