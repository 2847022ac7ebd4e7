package org.aftercare.web;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Finds English left on a page that should be Spanish, two ways: words of English that
 * are no Spanish words ("the", "your", "please"...) anywhere a reader sees or hears text
 * (text, titles, labels for screen readers, the passkey script's messages), and any
 * sentence of the English messages, verbatim. The first catches text hard-coded in a
 * template or in Java; the second a key missing from the Spanish file or a page that
 * rendered in English. What the patient typed is passed as data and left out.
 */
public final class SpanishPages {

	/** Common English words that are not Spanish words, nor names the pages show. */
	static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "you", "your", "is", "are", "was", "were", "of", "to",
			"with", "for", "please", "this", "that", "these", "what", "how", "when", "where", "which", "have", "has",
			"had", "will", "would", "be", "been", "it", "its", "on", "or", "at", "by", "from", "if", "all", "any",
			"can", "could", "do", "does", "did", "my", "we", "our", "us", "here", "there", "an", "than", "then", "get",
			"go", "back", "sign", "log", "link", "new", "now", "more", "password", "report", "reported", "today",
			"symptom", "symptoms", "check", "feel", "feeling", "help", "call", "send", "sent", "choose", "enter", "yes",
			"not", "but", "about", "after", "before", "still", "again", "who", "why", "day", "days", "hours",
			"treatment", "page", "found", "something", "wrong", "try", "history", "erase", "account", "download",
			"everything", "passkey", "passkeys", "mail", "name", "added", "used", "remove", "never", "last", "none",
			"mild", "moderate", "severe", "headache", "pain", "bruising", "swelling", "redness", "weakness", "vision",
			"bladder", "rash", "wheezing", "faint", "breathing", "swallowing", "language", "update", "worse", "doctor",
			"emergency", "department", "nearest");

	private static final Pattern TEXT = Pattern.compile(">([^<]+)<");

	private static final Pattern READ_ATTRIBUTE = Pattern
		.compile("\\s(aria-label|title|placeholder|alt|data-failed|data-unsupported)=\"([^\"]*)\"");

	private static final Pattern WORD = Pattern.compile("\\p{L}+");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[^}]*}");

	/**
	 * English sentences (parts of messages between placeholders) the Spanish file says
	 * otherwise.
	 */
	private static final List<String> ENGLISH_SENTENCES = englishSentences();

	private SpanishPages() {
	}

	/**
	 * What on this page is English: each word and sentence found, with where. Empty for a
	 * page all in Spanish.
	 */
	public static List<String> englishIn(String html, String... data) {
		String visible = visibleText(html);
		for (String typed : data) {
			visible = visible.replace(typed, " ");
		}
		List<String> found = new ArrayList<>();
		Matcher word = WORD.matcher(visible);
		while (word.find()) {
			if (ENGLISH_WORDS.contains(word.group().toLowerCase(Locale.ROOT))) {
				int from = Math.max(0, word.start() - 40);
				int to = Math.min(visible.length(), word.end() + 40);
				found.add("\"" + word.group() + "\" in \"" + visible.substring(from, to).strip() + "\"");
			}
		}
		for (String sentence : ENGLISH_SENTENCES) {
			if (visible.contains(sentence)) {
				found.add("an English message: \"" + sentence + "\"");
			}
		}
		return found;
	}

	/**
	 * Text between tags and the attributes a person reads or hears, unescaped, one space
	 * between each; scripts, styles and comments left out.
	 */
	static String visibleText(String html) {
		String page = html.replaceAll("(?s)<script.*?</script>", " ")
			.replaceAll("(?s)<style.*?</style>", " ")
			.replaceAll("(?s)<!--.*?-->", " ");
		StringBuilder text = new StringBuilder();
		Matcher between = TEXT.matcher(page);
		while (between.find()) {
			text.append(' ').append(HtmlUtils.htmlUnescape(between.group(1)));
		}
		Matcher attribute = READ_ATTRIBUTE.matcher(page);
		while (attribute.find()) {
			text.append(" | ").append(HtmlUtils.htmlUnescape(attribute.group(2)));
		}
		return text.toString().replaceAll("\\s+", " ");
	}

	private static List<String> englishSentences() {
		Properties english = load("messages.properties");
		Properties spanish = load("messages_es.properties");
		Set<String> sentences = new TreeSet<>();
		english.forEach((key, value) -> {
			if (value.equals(spanish.get(key))) {
				return;
			}
			for (String part : PLACEHOLDER.split((String) value)) {
				String sentence = part.strip();
				if (sentence.length() >= 15 && WORD.matcher(sentence).find()) {
					sentences.add(sentence);
				}
			}
		});
		return List.copyOf(sentences);
	}

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
