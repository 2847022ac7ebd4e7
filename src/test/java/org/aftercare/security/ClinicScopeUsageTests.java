package org.aftercare.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant isolation: the test harness's bypass reason stays out of the application, and
 * the bypass reasons it does use are the ones documented.
 */
class ClinicScopeUsageTests {

	private static final Path MAIN = Path.of("src/main/java");

	@Test
	void productionCodeNeverUsesTheTestHarnessReason() throws IOException {
		assertThat(sourcesMentioning("TEST_HARNESS"))
			.containsExactly(MAIN.resolve("org/aftercare/security/ClinicScope.java"));
	}

	@Test
	void everyBypassReasonButTheHarnessIsUsedByTheApplication() throws IOException {
		for (ClinicScope.Reason reason : ClinicScope.Reason.values()) {
			if (reason != ClinicScope.Reason.TEST_HARNESS) {
				assertThat(sourcesMentioning("Reason." + reason.name())).as("uses of %s", reason).isNotEmpty();
			}
		}
	}

	private static List<Path> sourcesMentioning(String text) throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter((file) -> file.toString().endsWith(".java")).filter((file) -> {
				try {
					return Files.readString(file).contains(text);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).toList();
		}
	}

}
