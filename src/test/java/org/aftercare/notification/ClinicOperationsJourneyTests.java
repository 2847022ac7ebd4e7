package org.aftercare.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.AfterEach;
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

import org.aftercare.MutableClock;
import org.aftercare.TestClockConfiguration;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.browser.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clinic's operations as people live it, in real Chromium: a clinician enrols a
 * patient and records a treatment; the patient takes the invitation from their mailbox,
 * sets a password, reads and confirms the aftercare sheet; a day later the check-in
 * e-mail arrives and one tap answers it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestFixtures.class, TestClockConfiguration.class })
class ClinicOperationsJourneyTests {

	@RegisterExtension
	static final BrowserTestSupport browser = new BrowserTestSupport(BrowserTestSupport.DESKTOP);

	private static final String PASSWORD = "a walk along the harbour at dusk";

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	CheckInReminders reminders;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void enrolTreatInviteConfirmAftercareAndAnswerTheDayOneCheckIn() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(30)));
		WebDriver driver = browser.driver();
		String email = "journey-" + UUID.randomUUID() + "@test.aftercare";

		logIn(world.clinicianEmail(), TestFixtures.PASSWORD);
		driver.get(url("/clinician/enrol"));
		driver.findElement(By.id("givenName")).sendKeys("Lucia");
		driver.findElement(By.id("familyName")).sendKeys("Moreno");
		setValue(driver.findElement(By.id("dateOfBirth")), "1986-04-12");
		driver.findElement(By.id("email")).sendKeys(email);
		driver.findElement(By.id("concerns")).sendKeys("I had a headache after my last treatment.");
		submit(By.cssSelector("main form button[type=submit]"));
		assertThat(driver.findElements(By.cssSelector(".field-error"))).extracting(WebElement::getText).isEmpty();

		click(By.cssSelector("main a.button.primary"));
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("product")));
		new Select(driver.findElement(By.id("product"))).selectByValue("ONABOTULINUMTOXINA");
		driver.findElement(By.id("lotNumber")).sendKeys("C1234");
		WebElement units = driver.findElement(By.cssSelector("input[name='areas[0].units']"));
		units.clear();
		units.sendKeys("20");
		click(By.cssSelector("input[name='intakeReviewed']"));
		submit(By.cssSelector("main form button[type=submit]"));
		assertThat(driver.findElements(By.cssSelector(".field-error"))).extracting(WebElement::getText).isEmpty();
		submit(By.cssSelector("header form button[type=submit]"));

		// The patient's mailbox.
		String link = await().atMost(Duration.ofSeconds(15))
			.until(() -> NotificationTests.invitationLink(email), (l) -> l != null);
		driver.get(url(link.substring(link.indexOf("/invitation/"))));
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys(PASSWORD);
		driver.findElement(By.id("confirmation")).sendKeys(PASSWORD);
		submit(By.cssSelector("main form button[type=submit]"));
		assertThat(driver.getCurrentUrl()).endsWith("/me");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Lucia");

		driver.get(url("/me/aftercare"));
		assertThat(driver.findElement(By.tagName("main")).getText()).containsIgnoringCase("upright");
		submit(By.cssSelector("form[action$='/me/aftercare/confirm'] button[type=submit]"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("You confirmed");

		// A day later the day-1 check-in falls due.
		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		for (int i = 0; i < 100 && this.reminders.remindDue() > 0; i++) {
			// queue everything due, whatever other tests left behind
		}
		MimeMessage dayOne = await().atMost(Duration.ofSeconds(15))
			.until(() -> NotificationTests.mailsTo(email)
				.stream()
				.filter((m) -> GreenMailUtil.getBody(m).contains("day 1"))
				.findFirst()
				.orElse(null), (m) -> m != null);
		// The e-mail's own link answers the check-in, signed in or not (the session may
		// have ended in a day).
		String checkInLink = GreenMailUtil.getBody(dayOne).replaceAll("(?s).*?(/c/[A-Za-z0-9_-]{43}).*", "$1");
		assertThat(checkInLink).startsWith("/c/");
		driver.get(url(checkInLink));
		browser.waitUntil(ExpectedConditions.urlContains("/check-in"));
		submit(By.cssSelector(".check-in button[type=submit]"));
		assertThat(driver.getCurrentUrl()).contains("/advice");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("No new symptoms");
	}

	private void logIn(String email, String password) {
		WebDriver driver = browser.driver();
		driver.get(url("/login"));
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(password);
		submit(By.cssSelector("main button[type=submit]"));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static void click(By by) {
		WebElement element = browser.waitUntil(ExpectedConditions.elementToBeClickable(by));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
				element);
		element.click();
	}

	private static void setValue(WebElement input, String value) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", input, value);
	}

	private static void submit(By button) {
		WebElement old = browser.driver().findElement(By.tagName("html"));
		click(button);
		browser.waitUntil(BrowserTestSupport.pageLeft(old));
	}

	@SuppressWarnings("unused")
	private static List<String> texts(List<WebElement> elements) {
		return elements.stream().map(WebElement::getText).toList();
	}

}
