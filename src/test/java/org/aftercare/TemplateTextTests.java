package org.aftercare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All user-visible text comes from messages.properties: a template holding words of its
 * own fails here.
 */
class TemplateTextTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Text between tags (comments, scripts and styles removed). */
	private static final Pattern TEXT = Pattern.compile(">([^<]+)<");

	/** Attributes a person reads or hears, when not computed by Thymeleaf. */
	private static final Pattern ATTRIBUTE = Pattern
		.compile("(?<![:-])\\b(placeholder|title|alt|aria-label|label)=\"([^\"]*)\"");

	private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

	@Test
	void templatesHoldNoHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file).replaceAll("(?s)<!--.*?-->", "");
				Matcher text = TEXT.matcher(html);
				while (text.find()) {
					if (WORD.matcher(text.group(1)).find()) {
						problems.add(file + ": text \"" + text.group(1).strip() + "\"");
					}
				}
				Matcher attribute = ATTRIBUTE.matcher(html);
				while (attribute.find()) {
					if (WORD.matcher(attribute.group(2)).find()) {
						problems.add(file + ": " + attribute.group(1) + "=\"" + attribute.group(2) + "\"");
					}
				}
			}
		}
		assertThat(problems).as("hard-coded text in templates; use #{...} keys from messages.properties").isEmpty();
	}

	@Test
	void detectsHardCodedText() {
		assertThat(TEXT.matcher("<p>Hello there</p>").find()).isTrue();
		assertThat(WORD.matcher("Hello there").find()).isTrue();
		assertThat(WORD.matcher(" 0 / , ").find()).isFalse();
	}

}
