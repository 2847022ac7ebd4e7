package org.aftercare.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import org.aftercare.account.AccountService;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review of an emergency as two nurses do it, in real Chromium: one works the flag
 * from the queue to its resolution, the other finds it among the resolved ones with its
 * whole history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestFixtures.class)
class FlagReviewJourneyTests {

	@RegisterExtension
	static final BrowserTestSupport browser = new BrowserTestSupport(BrowserTestSupport.DESKTOP);

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	AccountService accounts;

	@Test
	void clinicianResolvesAnEmergencyAndASecondClinicianSeesItsHistoryAmongTheResolved() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.reports.submit(NewReport.of(
				world.clinic(), world.patientId(), UUID.randomUUID(), List.of(new NewEntry(Symptom.TROUBLE_SWALLOWING,
						null, 6, 2, Instant.now().minus(Duration.ofHours(2)), true, null, null, null, null, null)),
				null));
		String secondEmail = "second-" + UUID.randomUUID() + "@test.aftercare";
		this.accounts.create(world.clinic(), secondEmail, TestFixtures.PASSWORD, Role.CLINICIAN, "Nurse Second", null);
		String patient = world.patient().displayName();
		WebDriver driver = browser.driver();

		logIn(world.clinicianEmail());
		browser.waitUntil(ExpectedConditions.titleContains("Flags"));
		WebElement row = queueRow(patient);
		assertThat(row.getText()).contains("Emergency").contains("R1 Distant spread");
		open(row.findElement(By.linkText(patient)));
		browser.waitUntil(ExpectedConditions.textToBe(By.id("flag-status"), "Open"));
		// The episode's chart is drawn from its JSON; the table says the same in words.
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("flag-chart"), "data-drawn", "true"));
		assertThat(driver.findElement(By.id("flag-timeline")).getText()).contains("Trouble swallowing");

		submit(By.id("acknowledge"));
		assertThat(driver.findElement(By.id("flag-status")).getText()).isEqualTo("Acknowledged");

		click(By.id("kind-CALLED"));
		driver.findElement(By.id("contact-note")).sendKeys("Advised 999; patient on the way to A&E");
		submit(By.id("record-contact"));
		assertThat(driver.findElement(By.id("flag-history")).getText()).contains("called the patient");

		new Select(driver.findElement(By.id("outcome"))).selectByVisibleText("Resolved");
		new Select(driver.findElement(By.id("causality"))).selectByVisibleText("Possible");
		new Select(driver.findElement(By.id("seriousness"))).selectByVisibleText("Non-serious");
		submit(By.id("resolve"));
		assertThat(driver.findElement(By.id("resolution")).getText())
			.isEqualTo("Outcome: Resolved. Causality: Possible. Seriousness: Non-serious.");

		open(driver.findElement(By.cssSelector("header a[href='/clinician/flags']")));
		browser.waitUntil(ExpectedConditions.titleContains("Flags"));
		assertThat(driver.findElement(By.tagName("main")).getText()).as("the open queue")
			.doesNotContain(patient)
			.contains("No open flags");
		submit(By.cssSelector("header form button[type=submit]"));

		logIn(secondEmail);
		browser.waitUntil(ExpectedConditions.titleContains("Flags"));
		click(By.cssSelector("details.filters summary"));
		new Select(browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("view"))))
			.selectByVisibleText("Resolved");
		submit(By.cssSelector("form.filter-grid button[type=submit]"));
		WebElement resolved = queueRow(patient);
		assertThat(resolved.getText()).contains("Resolved");
		open(resolved.findElement(By.linkText(patient)));
		browser.waitUntil(ExpectedConditions.textToBe(By.id("flag-status"), "Resolved"));
		List<String> history = driver.findElements(By.cssSelector("#flag-history li"))
			.stream()
			.map(WebElement::getText)
			.toList();
		String first = world.clinician().displayName();
		assertThat(history).anySatisfy((line) -> assertThat(line).contains(first + ", acknowledged"))
			.anySatisfy((line) -> assertThat(line)
				.contains(first + ", called the patient Advised 999; patient on the way to A&E"))
			.anySatisfy((line) -> assertThat(line).contains(first + ", resolved"));
		assertThat(driver.findElement(By.id("resolution")).getText()).contains("Causality: Possible");
	}

	private WebElement queueRow(String patient) {
		return browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//table[contains(@class,'queue')]//tr[td/a[normalize-space()='" + patient + "']]")));
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

	/** Follows a link and waits until the browser has left the page. */
	private static void open(WebElement link) {
		WebElement old = browser.driver().findElement(By.tagName("html"));
		link.click();
		browser.waitUntil(BrowserTestSupport.pageLeft(old));
	}

	/** Clicks a submit button and waits until the browser has left the page. */
	private static void submit(By button) {
		WebElement old = browser.driver().findElement(By.tagName("html"));
		click(button);
		browser.waitUntil(BrowserTestSupport.pageLeft(old));
	}

}
