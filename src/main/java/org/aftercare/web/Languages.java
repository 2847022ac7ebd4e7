package org.aftercare.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The languages patients can read the app and their e-mails in: English, the base bundle
 * ({@code messages.properties}), and one more for each {@code messages_xx.properties} on
 * the class path. Adding a language is adding its file; nothing else lists them.
 * Templates reach it as {@code @languages}.
 */
@Component("languages")
public class Languages {

	/** The base bundle's language: staff pages, and anything nobody chose. */
	public static final Locale DEFAULT = Locale.ENGLISH;

	private static final Logger log = LoggerFactory.getLogger(Languages.class);

	/** What a bundle's file name says of its language: {@code messages_es.properties}. */
	private static final Pattern BUNDLE = Pattern.compile("_([A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})*)\\.properties$");

	private final List<Locale> supported;

	/**
	 * Each language's name in itself and in English, worked out once: every page asks.
	 */
	private final Map<Locale, String> ownNames = new HashMap<>();

	private final Map<Locale, String> englishNames = new HashMap<>();

	/**
	 * @param basenames {@code spring.messages.basename}: the first is the one whose
	 * translations count
	 */
	@Autowired
	public Languages(@Value("${spring.messages.basename:messages}") String basenames) {
		this(bundleLocales(StringUtils.commaDelimitedListToStringArray(basenames)[0].strip()));
	}

	Languages(List<Locale> translations) {
		List<Locale> all = new ArrayList<>();
		all.add(DEFAULT);
		translations.stream()
			.filter((locale) -> !locale.getLanguage().equals(DEFAULT.getLanguage()) || !locale.getCountry().isEmpty())
			.sorted(Comparator.comparing(Locale::toLanguageTag))
			.forEach(all::add);
		this.supported = Collections.unmodifiableList(all);
		for (Locale locale : this.supported) {
			this.ownNames.put(locale, capitalised(locale.getDisplayName(locale), locale));
			this.englishNames.put(locale, capitalised(locale.getDisplayName(DEFAULT), DEFAULT));
		}
		log.info("Patients can read Aftercare in: {}", this.supported.stream().map(Locale::toLanguageTag).toList());
	}

	private static List<Locale> bundleLocales(String basename) {
		String name = basename.substring(basename.lastIndexOf('/') + 1);
		try {
			Resource[] files = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + basename.replace('.', '/') + "_*.properties");
			List<Locale> locales = new ArrayList<>();
			for (Resource file : files) {
				String filename = file.getFilename();
				Matcher tag = (filename != null && filename.startsWith(name + "_")) ? BUNDLE.matcher(filename) : null;
				if (tag != null && tag.find()) {
					Locale locale = Locale.forLanguageTag(tag.group(1).replace('_', '-'));
					if (!locale.getLanguage().isEmpty() && !locales.contains(locale)) {
						locales.add(locale);
					}
				}
			}
			return locales;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the message bundles", ex);
		}
	}

	/** English first, then the others by tag. */
	public List<Locale> supported() {
		return this.supported;
	}

	/** The supported language with exactly this tag ("es"), if any. */
	public Optional<Locale> find(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > 35) {
			return Optional.empty();
		}
		Locale wanted = Locale.forLanguageTag(tag.strip());
		return this.supported.stream().filter((locale) -> locale.equals(wanted)).findFirst();
	}

	/** A stored tag as a supported language; English when it is none (or no longer). */
	public Locale of(String tag) {
		return find(tag).orElse(DEFAULT);
	}

	/**
	 * The first of a browser's languages, in its order of preference, that we have: the
	 * same language and country, else the same language ("es-MX" reads "es").
	 */
	public Locale bestFor(Iterable<Locale> preferred) {
		for (Locale wanted : preferred) {
			if (wanted == null || wanted.getLanguage().isEmpty()) {
				continue;
			}
			for (Locale locale : this.supported) {
				if (locale.equals(wanted)) {
					return locale;
				}
			}
			for (Locale locale : this.supported) {
				if (locale.getLanguage().equals(wanted.getLanguage()) && locale.getCountry().isEmpty()) {
					return locale;
				}
			}
		}
		return DEFAULT;
	}

	/** A language's name in that language, as the switch offers it: "Español". */
	public String ownName(Locale locale) {
		String name = this.ownNames.get(locale);
		return (name != null) ? name : capitalised(locale.getDisplayName(locale), locale);
	}

	/** A language's name in English, as staff pages show a patient's: "Spanish". */
	public String englishName(String tag) {
		return this.englishNames.get(of(tag));
	}

	private static String capitalised(String name, Locale locale) {
		return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
	}

	/** One language the switch offers. */
	public record Option(String tag, String name, boolean current) {
	}

	/** Every language, named in itself, the one in use marked. */
	public List<Option> options(Locale current) {
		return this.supported.stream()
			.map((locale) -> new Option(locale.toLanguageTag(), ownName(locale), locale.equals(current)))
			.toList();
	}

}
