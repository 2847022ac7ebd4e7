package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
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
import org.aftercare.browser.Axe;
import org.aftercare.browser.BrowserTestSupport;

import static org.aftercare.browser.BrowserTestSupport.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient's pages on a phone really 360 CSS pixels wide (Chromium's device
 * emulation): the recovery chart draws, and axe-core finds no accessibility violation on
 * any of them, in English or in Spanish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestFixtures.class)
class PhoneWidthBrowserTests {

	@RegisterExtension
	static final BrowserTestSupport browser = BrowserTestSupport.phone();

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	AccountService accounts;

	@Test
	void theRecoveryChartDrawsAcrossAPhone() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(4)));
		report(world, Symptom.HEADACHE, 6, Duration.ofDays(3));
		report(world, Symptom.BRUISING, 2, Duration.ofDays(2));
		logIn(world.patientEmail());
		open("/me");

		assertThat(browser.script("return window.innerWidth;")).isEqualTo(360L);
		WebElement canvas = browser
			.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".chart[data-drawn=true] canvas")));
		Map<String, Object> box = browser.box(canvas);
		assertThat(number(box, "width")).as("canvas width").isGreaterThan(200);
		assertThat(number(box, "height")).as("canvas height").isGreaterThan(100);
		assertThat(number(box, "left")).isGreaterThanOrEqualTo(0);
		assertThat(number(box, "right")).as("the canvas fits the phone").isLessThanOrEqualTo(360);
		assertThat(browser.script("return document.documentElement.scrollWidth;")).as("no sideways scrolling")
			.isEqualTo(360L);
	}

	/**
	 * Every page a patient sees, in each language: adding one is one more value below.
	 * The browser asks for English; the login page is switched with its language switch,
	 * and the patient's own language is that of their login, as for a patient enrolled in
	 * it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void patientPagesHaveNoAccessibilityViolations(String language) {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(3)));
		this.accounts.changeLanguage(world.clinic(), new AccountId(world.patient().accountId()),
				Locale.forLanguageTag(language));
		ReportId reportId = report(world, Symptom.HEADACHE, 5, Duration.ofDays(2));
		UUID entryId = this.reports.findForPatient(world.clinic(), world.patientId(), reportId)
			.orElseThrow()
			.entries()
			.get(0)
			.id();
		List<String> pages = List.of("/me", "/me/reports/new", "/me/check-in", "/me/aftercare",
				"/me/reports/" + reportId, "/me/reports/" + reportId + "/advice", "/me/entries/" + entryId + "/update",
				"/me/erasure", "/account/passkeys", "/account/password", "/offline");
		List<String> problems = new ArrayList<>();
		open("/login");
		switchTo(language);
		problems.addAll(violations("/login", language));
		logIn(world.patientEmail());
		for (String page : pages) {
			open(page);
			browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
			problems.addAll(violations(page, language));
		}
		// The report form as it comes back with a field to correct.
		open("/me/reports/new");
		WebElement send = browser.driver().findElement(By.cssSelector("form.report-form button[type=submit]"));
		browser.script("arguments[0].scrollIntoView({block: 'center'});", send);
		send.click();
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-error")));
		problems.addAll(violations("/me/reports (errors)", language));
		assertThat(problems).as("axe-core violations at 360 px in " + language).isEmpty();
	}

	/** The language switch of the open page, as a visitor uses it. */
	private static void switchTo(String language) {
		if (language.equals(browser.script("return document.documentElement.lang;"))) {
			return;
		}
		WebElement page = browser.driver().findElement(By.tagName("html"));
		browser.driver().findElement(By.cssSelector("form.language-switch button[value='" + language + "']")).click();
		browser.waitUntil(BrowserTestSupport.pageLeft(page));
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
	}

	/**
	 * axe-core's violations on the open page, and a page not in the language it should be
	 * in: its violations would not be those of that language.
	 */
	private static List<String> violations(String page, String language) {
		List<String> found = new ArrayList<>(
				Axe.violations(browser.driver()).stream().map((violation) -> page + ": " + violation).toList());
		Object lang = browser.script("return document.documentElement.lang;");
		if (!language.equals(lang)) {
			found.add(page + ": in " + lang + ", not " + language);
		}
		return found;
	}

	private ReportId report(World world, Symptom symptom, int severity, Duration ago) {
		NewEntry entry = new NewEntry(symptom, null, severity, 1, Instant.now().minus(ago), true, null,
				symptom == Symptom.HEADACHE ? false : null, symptom == Symptom.HEADACHE ? false : null,
				symptom == Symptom.HEADACHE ? false : null, null);
		return this.reports
			.submit(NewReport.of(world.clinic(), world.patientId(), UUID.randomUUID(), List.of(entry), null));
	}

	private void open(String path) {
		browser.driver().get("http://localhost:" + this.port + path);
	}

	private void logIn(String email) {
		browser.logIn(this.port, email, "/me");
	}

}
