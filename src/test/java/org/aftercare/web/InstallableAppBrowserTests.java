package org.aftercare.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.AccountId;
import org.aftercare.account.AccountService;
import org.aftercare.browser.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installed app on a phone, in real Chromium: the service worker registers and takes
 * charge, keeps only the static files and the offline pages after a patient has used the
 * app, and shows the offline page when a page cannot be reached, in the language of the
 * patient's pages even on a phone set to English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestFixtures.class)
class InstallableAppBrowserTests {

	@RegisterExtension
	static final BrowserTestSupport browser = BrowserTestSupport.phone();

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	AppShell shell;

	@Autowired
	AccountService accounts;

	@Test
	void theWorkerKeepsOnlyStaticFilesAndShowsTheOfflinePageWithoutAConnection() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		logIn(world.patientEmail());
		// A patient's pages, the worker in charge of each.
		for (String page : List.of("/me", "/me/reports/new", "/me/aftercare", "/me/check-in", "/me/erasure")) {
			open(page);
			browser.waitUntil(
					(driver) -> Boolean.TRUE.equals(browser.script("return !!navigator.serviceWorker.controller;")));
		}

		Map<String, List<String>> stored = cacheStorage();
		assertThat(stored).containsOnlyKeys("aftercare-static-" + this.shell.version());
		List<String> paths = stored.values().iterator().next();
		assertThat(paths).containsExactlyInAnyOrderElementsOf(this.shell.paths());
		assertThat(paths).noneMatch((path) -> path.startsWith("/me") || path.startsWith("/clinician")
				|| path.startsWith("/admin") || path.startsWith("/account") || path.startsWith("/c/"));

		browser.offline(true);
		open("/me/reports/new");
		WebElement heading = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
		assertThat(heading.getText()).isEqualTo("You are offline");
		assertThat(browser.driver().findElement(By.id("offline-emergency")).getText())
			.contains("call your local emergency number");
		assertThat(browser.driver().findElement(By.tagName("body")).getText())
			.doesNotContain(world.patient().displayName());
		// Styled from the worker's cache, not the network.
		assertThat(browser.script("return getComputedStyle(document.querySelector('.site-header')).backgroundColor;"))
			.isEqualTo("rgb(11, 92, 116)");

		browser.offline(false);
		open("/me/reports/new");
		browser.waitUntil(ExpectedConditions.titleContains("Log a symptom"));
	}

	@Test
	void aPatientWhoReadsSpanishIsToldInSpanishThatThePhoneIsOffline() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.accounts.changeLanguage(world.clinic(), new AccountId(world.patient().accountId()),
				Locale.forLanguageTag("es"));
		// Chromium asks for English; the patient's own language is Spanish.
		logIn(world.patientEmail());
		open("/me");
		assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("es");
		browser
			.waitUntil((driver) -> Boolean.TRUE.equals(browser.script("return !!navigator.serviceWorker.controller;")));
		// The page told the worker its language: the offline page it will show is
		// Spanish.
		browser.waitUntil((driver) -> String.valueOf(((JavascriptExecutor) driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				caches.match('/offline').then((page) => page ? page.text() : '').then(done, () => done(''));
				""")).contains("lang=\"es\""));

		browser.offline(true);
		open("/me/reports/new");
		WebElement heading = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
		assertThat(heading.getText()).isEqualTo("No tiene conexión");
		assertThat(browser.driver().findElement(By.id("offline-emergency")).getText())
			.contains("llame ahora al número de emergencias");
		assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("es");
		browser.offline(false);
	}

	/** Every cache's name and the paths it holds, read by the page from Cache Storage. */
	@SuppressWarnings("unchecked")
	private static Map<String, List<String>> cacheStorage() {
		return (Map<String, List<String>>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				(async () => {
				  const result = {};
				  for (const name of await caches.keys()) {
				    const requests = await (await caches.open(name)).keys();
				    result[name] = requests.map((r) => new URL(r.url).pathname + new URL(r.url).search);
				  }
				  return result;
				})().then(done, (e) => done({ error: [String(e)] }));
				""");
	}

	private void open(String path) {
		browser.driver().get("http://localhost:" + this.port + path);
	}

	private void logIn(String email) {
		browser.logIn(this.port, email, "/me");
	}

}
