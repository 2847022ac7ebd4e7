package org.aftercare.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No template names a Java type ({@code T(org.aftercare...)}): each evaluation of one is
 * a class loader lookup through the embedded Tomcat's loader on every render. What a
 * template needs comes from the model.
 */
class TemplateTypeReferenceTests {

	@Test
	void templatesHoldNoTypeReferences() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			List<String> offenders = files.filter((file) -> file.toString().endsWith(".html"))
				.filter((file) -> read(file).matches("(?s).*\\bT\\([a-z][\\w.]*\\).*"))
				.map(Path::toString)
				.toList();
			assertThat(offenders).isEmpty();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
