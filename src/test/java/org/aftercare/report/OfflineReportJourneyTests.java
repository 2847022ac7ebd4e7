package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.aftercare.EmbeddedPostgresEnvironment;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.browser.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report written on a phone without a connection is not lost: the form keeps a draft on
 * the device, says when it cannot send, sends once when the phone is back online, and the
 * draft belongs to one account only. In real Chromium, taken offline by its own network
 * emulation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestFixtures.class)
class OfflineReportJourneyTests {

	@RegisterExtension
	static final BrowserTestSupport browser = BrowserTestSupport.phone();

	private static final int BRUISING = Symptom.BRUISING.ordinal();

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	private final JdbcClient database = JdbcClient.create(EmbeddedPostgresEnvironment.ownerDataSource());

	@Test
	void aReportSubmittedOfflineIsKeptAndSentOnceWhenThePhoneIsBackOnline() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		logIn(world.patientEmail());
		open("/me/reports/new");
		chooseBruising("3");
		type(By.id("notes"), "A bruise by the left eyebrow");

		browser.offline(true);
		browser.waitUntil((driver) -> Boolean.FALSE.equals(browser.script("return navigator.onLine;")));
		click(By.cssSelector("form.report-form button[type=submit]"));
		WebElement offline = visible("[data-draft-offline]");
		assertThat(offline.getText()).contains("You are offline: your report is kept on this phone");
		assertThat(reports(world)).isZero();

		click(By.cssSelector("[data-draft-send-later]"));
		assertThat(visible("[data-draft-waiting]").getText()).contains("as soon as this phone is back online");
		assertThat(reports(world)).isZero();

		browser.offline(false);
		browser.waitUntil(ExpectedConditions.urlContains("/advice"));
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Bruising", "3/10");
		assertThat(reports(world)).isEqualTo(1);
		assertThat(notes(world)).containsExactly("A bruise by the left eyebrow");
		assertThat(drafts()).as("the draft, once the report is saved").isEmpty();
	}

	@Test
	void aDraftSentAgainAfterItsAnswerWasLostMakesNoSecondReport() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		logIn(world.patientEmail());
		open("/me/reports/new");
		chooseBruising("2");
		// What stays on the phone when the server saved the report but its answer never
		// arrived (the connection dropped on the way back).
		List<String> kept = drafts();
		assertThat(kept).hasSize(1);
		String key = kept.get(0).substring(0, kept.get(0).indexOf(' '));
		String draft = kept.get(0).substring(kept.get(0).indexOf(' ') + 1);
		click(By.cssSelector("form.report-form button[type=submit]"));
		browser.waitUntil(ExpectedConditions.urlContains("/advice"));
		String advice = browser.driver().getCurrentUrl();
		assertThat(reports(world)).isEqualTo(1);
		browser.script("localStorage.setItem(arguments[0], arguments[1]);", key, draft);

		open("/me/reports/new");
		assertThat(visible("[data-draft-restored]").getText()).contains("Draft restored");
		click(By.cssSelector("form.report-form button[type=submit]"));
		browser.waitUntil(ExpectedConditions.urlContains("/advice"));
		assertThat(browser.driver().getCurrentUrl()).as("the first report's advice").isEqualTo(advice);
		assertThat(reports(world)).isEqualTo(1);
		assertThat(drafts()).isEmpty();
	}

	@Test
	void aDraftComesBackOnReloadCanBeDiscardedAndIsGoneAfterSigningOut() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		logIn(world.patientEmail());
		open("/me/reports/new");
		assertThat(browser.driver().findElement(By.cssSelector("[data-draft-restored]")).isDisplayed()).isFalse();
		chooseBruising("4");
		type(By.id("notes"), "Started after the gym");

		browser.driver().navigate().refresh();
		assertThat(visible("[data-draft-restored]").getText()).contains("Draft restored");
		assertThat(input("entries[" + BRUISING + "].chosen", "true").isSelected()).isTrue();
		assertThat(input("entries[" + BRUISING + "].severity", "4").isSelected()).isTrue();
		assertThat(browser.driver().findElement(By.id("notes")).getDomProperty("value"))
			.isEqualTo("Started after the gym");
		assertThat(drafts()).hasSize(1);
		assertThat(drafts().get(0)).doesNotContain(world.patientEmail()).doesNotContain("@");

		click(By.cssSelector("[data-draft-discard]"));
		assertThat(input("entries[" + BRUISING + "].chosen", "true").isSelected()).isFalse();
		assertThat(browser.driver().findElement(By.id("notes")).getDomProperty("value")).isEmpty();
		assertThat(drafts()).isEmpty();
		browser.driver().navigate().refresh();
		assertThat(browser.driver().findElement(By.cssSelector("[data-draft-restored]")).isDisplayed()).isFalse();

		chooseBruising("2");
		assertThat(drafts()).hasSize(1);
		WebElement page = browser.driver().findElement(By.tagName("html"));
		browser.driver().findElement(By.cssSelector("form[action$='/logout'] button[type=submit]")).click();
		browser.waitUntil(BrowserTestSupport.pageLeft(page));
		browser.waitUntil(ExpectedConditions.urlContains("/login"));
		assertThat(drafts()).as("drafts after signing out").isEmpty();
		assertThat(reports(world)).isZero();
	}

	@Test
	void aDraftBelongsToItsAccountAndComesBackAfterSigningInAgain() {
		World maria = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		logIn(maria.patientEmail());
		open("/me/reports/new");
		chooseBruising("5");
		// The session ends without signing out (the phone was left, the session timed
		// out): the draft stays on the phone.
		browser.driver().manage().deleteAllCookies();

		logIn(other.patientEmail());
		open("/me/reports/new");
		assertThat(browser.driver().findElement(By.cssSelector("[data-draft-restored]")).isDisplayed())
			.as("another account's draft")
			.isFalse();
		assertThat(input("entries[" + BRUISING + "].chosen", "true").isSelected()).isFalse();

		browser.driver().manage().deleteAllCookies();
		logIn(maria.patientEmail());
		open("/me/reports/new");
		assertThat(visible("[data-draft-restored]").getText()).contains("Draft restored");
		assertThat(input("entries[" + BRUISING + "].severity", "5").isSelected()).isTrue();
	}

	@Test
	void aSessionThatEndedWhileOfflineKeepsTheReportUntilThePatientSignsInAgain() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		logIn(world.patientEmail());
		open("/me/reports/new");
		chooseBruising("3");
		type(By.id("notes"), "Kept through a sign-in");

		browser.offline(true);
		browser.waitUntil((driver) -> Boolean.FALSE.equals(browser.script("return navigator.onLine;")));
		click(By.cssSelector("form.report-form button[type=submit]"));
		click(By.cssSelector("[data-draft-send-later]"));
		visible("[data-draft-waiting]");
		browser.driver().manage().deleteAllCookies();
		browser.offline(false);

		assertThat(visible("[data-draft-signed-out]").getText()).contains("sign in again");
		assertThat(reports(world)).isZero();
		assertThat(drafts()).hasSize(1);

		click(By.cssSelector("[data-draft-signed-out] a"));
		browser.waitUntil(ExpectedConditions.urlContains("/login"));
		browser.driver().findElement(By.id("email")).sendKeys(world.patientEmail());
		browser.driver().findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD);
		browser.driver().findElement(By.cssSelector("main button[type=submit]")).click();
		browser.waitUntil(ExpectedConditions.urlContains("/me/reports/new"));
		assertThat(visible("[data-draft-restored]").getText()).contains("Draft restored");
		assertThat(browser.driver().findElement(By.id("notes")).getDomProperty("value"))
			.isEqualTo("Kept through a sign-in");

		click(By.cssSelector("form.report-form button[type=submit]"));
		browser.waitUntil(ExpectedConditions.urlContains("/advice"));
		assertThat(reports(world)).isEqualTo(1);
		assertThat(drafts()).isEmpty();
	}

	@Test
	void aDraftSurvivesSwitchingTheLanguageOfTheReportFormAndTheNoteBesideTheSwitchSaysSo() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		logIn(world.patientEmail());
		open("/me/reports/new");
		assertThat(visible("[data-draft-switch-kept]").getText())
			.isEqualTo("Changing the language reloads this page: what you have entered is kept on this phone,"
					+ " but photos you chose must be added again.");
		assertThat(browser.driver().findElement(By.cssSelector("[data-draft-switch-lost]")).isDisplayed())
			.as("the note that what was typed is lost")
			.isFalse();
		chooseBruising("4");
		type(By.id("notes"), "Un moratón junto a la ceja");

		WebElement page = browser.driver().findElement(By.tagName("html"));
		click(By.cssSelector("form.language-switch button[value='es']"));
		browser.waitUntil(BrowserTestSupport.pageLeft(page));
		browser.waitUntil((driver) -> "es".equals(browser.script("return document.documentElement.lang;")));
		assertThat(browser.driver().getCurrentUrl()).endsWith("/me/reports/new");
		assertThat(visible("[data-draft-restored]").getText()).contains("Borrador recuperado");
		assertThat(input("entries[" + BRUISING + "].chosen", "true").isSelected()).isTrue();
		assertThat(input("entries[" + BRUISING + "].severity", "4").isSelected()).isTrue();
		assertThat(browser.driver().findElement(By.id("notes")).getDomProperty("value"))
			.isEqualTo("Un moratón junto a la ceja");
		assertThat(visible("[data-draft-switch-kept]").getText()).contains("se conserva en este teléfono");

		click(By.cssSelector("form.report-form button[type=submit]"));
		browser.waitUntil(ExpectedConditions.urlContains("/advice"));
		assertThat(reports(world)).isEqualTo(1);
		assertThat(notes(world)).containsExactly("Un moratón junto a la ceja");
		assertThat(drafts()).isEmpty();
	}

	private void chooseBruising(String severity) {
		click(By.cssSelector("input[name='entries[" + BRUISING + "].chosen']"));
		click(By.cssSelector("input[name='entries[" + BRUISING + "].severity'][value='" + severity + "']"));
		click(By.cssSelector("input[name='entries[" + BRUISING + "].interference'][value='0']"));
	}

	private WebElement input(String name, String value) {
		return browser.driver().findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
	}

	private void type(By by, String text) {
		WebElement field = browser.waitUntil(ExpectedConditions.elementToBeClickable(by));
		browser.script("arguments[0].scrollIntoView({block: 'center'});", field);
		field.sendKeys(text);
	}

	private static void click(By by) {
		WebElement element = browser.waitUntil(ExpectedConditions.elementToBeClickable(by));
		browser.script("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	private static WebElement visible(String css) {
		return browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/** The report drafts kept in this browser's storage, as stored. */
	@SuppressWarnings("unchecked")
	private static List<String> drafts() {
		return (List<String>) browser.script("""
				var found = [];
				for (var i = 0; i < localStorage.length; i++) {
				  var key = localStorage.key(i);
				  if (key.indexOf('aftercare.draft.') === 0) { found.push(key + ' ' + localStorage.getItem(key)); }
				}
				return found;
				""");
	}

	private int reports(World world) {
		return this.database.sql("select count(*) from symptom_report where patient_id = ?")
			.param(patientId(world))
			.query(Integer.class)
			.single();
	}

	private List<String> notes(World world) {
		return this.database.sql("select notes from symptom_report where patient_id = ?")
			.param(patientId(world))
			.query(String.class)
			.list();
	}

	private static UUID patientId(World world) {
		return world.patient().patientId();
	}

	private void open(String path) {
		browser.driver().get("http://localhost:" + this.port + path);
	}

	private void logIn(String email) {
		browser.logIn(this.port, email, "/me");
	}

}
