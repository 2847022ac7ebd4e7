package org.aftercare.browser;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first slice as people use it, in real Chromium: a patient on a phone logs a
 * headache, and their clinician sees it on a desktop.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestFixtures.class)
class FirstSliceJourneyTests {

	@RegisterExtension
	static final BrowserTestSupport browser = new BrowserTestSupport(BrowserTestSupport.PHONE);

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	@Test
	void patientLogsAHeadacheOnAPhoneAndTheClinicianSeesIt() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		WebDriver driver = browser.driver();

		logIn(world.patientEmail());
		browser.waitUntil(ExpectedConditions.titleContains("My recovery"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains(world.patient().displayName());

		driver.findElement(By.cssSelector("main a.button.primary")).click();
		browser.waitUntil(ExpectedConditions.titleContains("Log a symptom"));
		// Headache is the first symptom of the catalogue: entries[0].
		click(By.cssSelector("input[name='entries[0].chosen']"));
		WebElement severityFour = browser.waitUntil(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("input[name='entries[0].severity'][value='4']")));
		click(By.cssSelector("input[name='entries[0].severity'][value='4']"));
		assertThat(severityFour.isSelected()).isTrue();
		click(By.cssSelector("input[name='entries[0].interference'][value='1']"));
		for (String question : new String[] { "suddenWorstEver", "feverOrStiffNeck", "neurologicalSigns" }) {
			click(By.cssSelector("input[name='entries[0]." + question + "'][value=false]"));
		}
		// The start defaults to now, in a form the datetime-local picker shows.
		WebElement startedAt = driver.findElement(By.cssSelector("input[name='entries[0].startedAt']"));
		assertThat(startedAt.getDomProperty("value"))
			.startsWith(LocalDateTime.now(world.patient().zone()).toLocalDate().toString());
		setValue(startedAt,
				LocalDateTime.now(world.patient().zone()).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString());
		submit(By.cssSelector("form.report-form button[type=submit]"));

		assertThat(driver.findElements(By.cssSelector(".has-error"))).as("fields the app refused")
			.extracting(WebElement::getText)
			.isEmpty();
		// A moderate headache still going on: R5, reviewed within one business day
		// (CLINICAL.md section 4).
		assertThat(driver.findElement(By.id("advice")).getText()).contains("review your report");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Headache");

		submit(By.cssSelector("header form button[type=submit]"));
		assertThat(
				browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice"))).getText())
			.contains("logged out");

		browser.window(BrowserTestSupport.DESKTOP);
		logIn(world.clinicianEmail());
		browser.waitUntil(ExpectedConditions.urlContains("/clinician/flags"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains(world.patient().displayName())
			.contains("R5 Moderate headache");
		driver.get("http://localhost:" + this.port + "/clinician/reports");
		WebElement row = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//tbody/tr[td[normalize-space()='" + world.patient().displayName() + "']]")));
		assertThat(row.findElements(By.tagName("td"))).extracting(WebElement::getText)
			.contains(world.patient().displayName(), "Headache", "4");
	}

	private void logIn(String email) {
		WebDriver driver = browser.driver();
		driver.get("http://localhost:" + this.port + "/login");
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD);
		submit(By.cssSelector("main button[type=submit]"));
	}

	private static void click(By by) {
		WebElement element = browser.waitUntil(ExpectedConditions.elementToBeClickable(by));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
				element);
		element.click();
	}

	private static void setValue(WebElement input, String value) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
				+ "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
		assertThat(input.getDomProperty("value")).isEqualTo(value);
	}

	/** Clicks a submit button and waits until the browser has left the page. */
	private void submit(By button) {
		WebElement old = browser.driver().findElement(By.tagName("html"));
		browser.driver().findElement(button).click();
		browser.waitUntil(BrowserTestSupport.pageLeft(old));
	}

}
