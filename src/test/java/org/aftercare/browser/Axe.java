package org.aftercare.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * axe-core, the accessibility checker, run in the page a browser test has open. It comes
 * from the npm registry, fetched once into {@code target/}; without npm the test is
 * skipped loudly, except on CI where it fails.
 */
public final class Axe {

	private static final String VERSION = "4.10.3";

	private static final Path DIR = Path.of("target/axe-core");

	private static final Logger log = LoggerFactory.getLogger(Axe.class);

	private Axe() {
	}

	/** Every violation axe finds in the page, of any impact, one line each. */
	@SuppressWarnings("unchecked")
	public static List<String> violations(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript(source());
		return (List<String>) js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then((r) => done(r.violations.map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' at '
				    + v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', '))))
				  .catch((e) => done(['axe failed: ' + e]));
				""");
	}

	private static synchronized String source() {
		Path script = DIR.resolve("node_modules/axe-core/axe.min.js");
		if (!Files.isReadable(script)) {
			try {
				Process npm = new ProcessBuilder("npm", "install", "--prefix", DIR.toString(), "--no-save",
						"--no-audit", "--no-fund", "axe-core@" + VERSION)
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
					npm.destroy();
					unavailable("npm could not install axe-core@" + VERSION);
				}
			}
			catch (IOException ex) {
				unavailable("npm is not installed, so axe-core cannot be fetched: " + ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		try {
			return Files.readString(script);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read " + script, ex);
		}
	}

	private static void unavailable(String why) {
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail("axe-core is needed on CI: " + why);
		}
		log.warn("\n\n  *** SKIPPED: {} ***\n", why);
		Assumptions.abort(why);
	}

}
