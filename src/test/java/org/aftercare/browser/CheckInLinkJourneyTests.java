package org.aftercare.browser;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.notification.NotificationTestsAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A check-in as a patient answers it on a phone: from the reminder e-mail to a recorded
 * answer, with no typing and no sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestFixtures.class)
class CheckInLinkJourneyTests {

	@RegisterExtension
	static final BrowserTestSupport browser = new BrowserTestSupport(BrowserTestSupport.PHONE);

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void noNewSymptomsIsOneTapAfterOpeningTheCheckInEmail() {
		World world = this.fixtures.world(Instant.now());
		openLinkFromReminder(world);
		WebDriver driver = browser.driver();
		assertThat(driver.getCurrentUrl()).as("no token in the page's address").endsWith("/check-in");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("How are you today?");

		// The one tap.
		WebElement page = driver.findElement(By.tagName("html"));
		driver.findElement(By.id("no-new-symptoms")).click();
		browser.waitUntil(BrowserTestSupport.pageLeft(page));

		assertThat(driver.findElement(By.id("advice")).getText()).contains("Thank you");
		assertThat(this.jdbc.sql("""
				SELECT r.no_new_symptoms FROM symptom_report r
				JOIN audit_event a ON a.object_id = r.id AND a.action = 'REPORT_SUBMITTED'
				WHERE r.patient_id = ? AND a.detail = 'via check-in link'
				""").param(world.patient().patientId()).query(Boolean.class).list()).containsExactly(true);
		assertThat(this.jdbc.sql("SELECT answered_at FROM check_in WHERE treatment_id = ? AND offset_label = 'PT2H'")
			.param(world.treatmentId())
			.query(java.sql.Timestamp.class)
			.single()).isNotNull();
	}

	@Test
	void aHeadacheLoggedThroughTheLinkShowsItsAdvice() {
		World world = this.fixtures.world(Instant.now());
		openLinkFromReminder(world);
		WebDriver driver = browser.driver();
		WebElement page = driver.findElement(By.tagName("html"));
		driver.findElement(By.id("log-symptoms")).click();
		browser.waitUntil(BrowserTestSupport.pageLeft(page));
		browser.waitUntil(ExpectedConditions.titleContains("Log a symptom"));
		// Headache is the first symptom of the catalogue: entries[0].
		click(By.cssSelector("input[name='entries[0].chosen']"));
		browser.waitUntil(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("input[name='entries[0].severity'][value='5']")));
		click(By.cssSelector("input[name='entries[0].severity'][value='5']"));
		click(By.cssSelector("input[name='entries[0].interference'][value='1']"));
		for (String question : new String[] { "suddenWorstEver", "feverOrStiffNeck", "neurologicalSigns" }) {
			click(By.cssSelector("input[name='entries[0]." + question + "'][value=false]"));
		}
		WebElement startedAt = driver.findElement(By.cssSelector("input[name='entries[0].startedAt']"));
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", startedAt,
				LocalDateTime.now(world.patient().zone()).minusMinutes(30).truncatedTo(ChronoUnit.MINUTES).toString());
		WebElement form = driver.findElement(By.tagName("html"));
		click(By.cssSelector("form.report-form button[type=submit]"));
		browser.waitUntil(BrowserTestSupport.pageLeft(form));

		// A moderate headache still going on: R5, reviewed within one business day
		// (CLINICAL.md section 4).
		assertThat(driver.getCurrentUrl()).endsWith("/check-in/advice");
		assertThat(driver.findElement(By.id("advice")).getText()).contains("review your report");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Headache");
	}

	/**
	 * Makes the 2-hour check-in due, runs the reminder job, and opens the link of the
	 * e-mail it sent, as a tap in the mail app would.
	 */
	private void openLinkFromReminder(World world) {
		this.jdbc.sql(
				"UPDATE check_in SET due_at = now() - interval '1 minute' WHERE treatment_id = ? AND offset_label = 'PT2H'")
			.param(world.treatmentId())
			.update();
		for (int i = 0; i < 100 && NotificationTestsAccess.remindDue(this.context) > 0; i++) {
			// every due check-in of every test queued
		}
		await().atMost(Duration.ofSeconds(15))
			.until(() -> !NotificationTestsAccess.mailsTo(world.patientEmail()).isEmpty());
		List<MimeMessage> mails = NotificationTestsAccess.mailsTo(world.patientEmail());
		String body = GreenMailUtil.getBody(mails.get(0));
		String path = body.replaceAll("(?s).*?(/c/[A-Za-z0-9_-]{43}).*", "$1");
		assertThat(path).startsWith("/c/");
		browser.driver().get("http://localhost:" + this.port + path);
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("no-new-symptoms")));
	}

	private static void click(By by) {
		WebElement element = browser.waitUntil(ExpectedConditions.elementToBeClickable(by));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
				element);
		element.click();
	}

}
