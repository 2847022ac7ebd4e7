package org.aftercare;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.aftercare.web.Languages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every language file says everything the English one does, and nothing else: a key
 * missing from either side, or a placeholder ({0}) that one side lacks, fails here. The
 * files are found, not listed, so that a third language's file is checked the moment it
 * is added.
 */
class MessageBundleTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Pattern TRANSLATION = Pattern.compile("messages_([A-Za-z0-9_]+)\\.properties");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

	@Test
	void thereIsASpanishFileAndTheAppOffersEveryLanguageThatHasAFile() throws IOException {
		List<String> tags = new ArrayList<>(List.of("en"));
		translations().forEach((file) -> tags.add(tag(file)));
		assertThat(tags).contains("es");
		assertThat(new Languages("messages").supported()).extracting(Locale::toLanguageTag)
			.containsExactlyInAnyOrderElementsOf(tags);
	}

	@Test
	void everyLanguageFileHasExactlyTheKeysOfTheEnglishOne() throws IOException {
		Map<String, String> english = load(RESOURCES.resolve("messages.properties"));
		List<String> problems = new ArrayList<>();
		for (Path file : translations()) {
			problems.addAll(keyProblems(file.getFileName().toString(), english, load(file)));
		}
		assertThat(problems).as("keys that the language files do not share").isEmpty();
	}

	@Test
	void everyTranslationHasTheSamePlaceholdersAsTheEnglish() throws IOException {
		Map<String, String> english = load(RESOURCES.resolve("messages.properties"));
		List<String> problems = new ArrayList<>();
		for (Path file : translations()) {
			problems.addAll(placeholderProblems(file.getFileName().toString(), english, load(file)));
		}
		assertThat(problems).as("placeholders that differ between English and a translation").isEmpty();
	}

	/**
	 * A message with placeholders goes through MessageFormat, which takes a single
	 * apostrophe for the start of a quote and drops it, with the text after it as written
	 * ("l'{0}" would show "l{0}"): there it must be doubled.
	 */
	@Test
	void noMessageWithPlaceholdersHasAnApostropheMessageFormatWouldSwallow() throws IOException {
		List<String> problems = new ArrayList<>();
		List<Path> files = new ArrayList<>(translations());
		files.add(RESOURCES.resolve("messages.properties"));
		for (Path file : files) {
			load(file).forEach((key, value) -> {
				if (PLACEHOLDER.matcher(value).find() && value.replace("''", "").contains("'")) {
					problems.add(file.getFileName() + ": " + key);
				}
			});
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void detectsAMissingKeyAnExtraKeyAndAMissingPlaceholder() {
		Map<String, String> english = Map.of("a", "Hello {0}", "b", "Bye");
		Map<String, String> translation = Map.of("a", "Hola", "c", "Extra");
		assertThat(keyProblems("messages_xx.properties", english, translation)).hasSize(2)
			.anyMatch((p) -> p.contains("missing b"))
			.anyMatch((p) -> p.contains("not in English: c"));
		assertThat(placeholderProblems("messages_xx.properties", english, translation)).singleElement()
			.asString()
			.contains("a");
	}

	private static List<String> keyProblems(String file, Map<String, String> english, Map<String, String> translation) {
		List<String> problems = new ArrayList<>();
		Set<String> missing = new TreeSet<>(english.keySet());
		missing.removeAll(translation.keySet());
		missing.forEach((key) -> problems.add(file + " is missing " + key));
		Set<String> extra = new TreeSet<>(translation.keySet());
		extra.removeAll(english.keySet());
		extra.forEach((key) -> problems.add(file + " has a key not in English: " + key));
		return problems;
	}

	private static List<String> placeholderProblems(String file, Map<String, String> english,
			Map<String, String> translation) {
		List<String> problems = new ArrayList<>();
		english.forEach((key, value) -> {
			String translated = translation.get(key);
			if (translated != null && !placeholders(value).equals(placeholders(translated))) {
				problems.add(file + ": " + key + " has " + placeholders(translated) + ", English has "
						+ placeholders(value));
			}
		});
		return problems;
	}

	private static Set<String> placeholders(String message) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(message);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static List<Path> translations() throws IOException {
		try (Stream<Path> files = Files.list(RESOURCES)) {
			return files.filter((f) -> TRANSLATION.matcher(f.getFileName().toString()).matches()).sorted().toList();
		}
	}

	private static String tag(Path file) {
		Matcher matcher = TRANSLATION.matcher(file.getFileName().toString());
		assertThat(matcher.matches()).isTrue();
		return Locale.forLanguageTag(matcher.group(1).replace('_', '-')).toLanguageTag();
	}

	/** As Spring Boot reads them: UTF-8. */
	private static Map<String, String> load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		Map<String, String> messages = new TreeMap<>();
		properties.forEach((key, value) -> messages.put((String) key, (String) value));
		return messages;
	}

}
