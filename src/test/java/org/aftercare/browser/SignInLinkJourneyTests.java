package org.aftercare.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.notification.NotificationTestsAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A patient on a phone signs in with an e-mailed link, in real Chromium: asks on the
 * login page, opens the link from the e-mail, taps "Sign in" and lands on their recovery
 * page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestFixtures.class)
class SignInLinkJourneyTests {

	@RegisterExtension
	static final BrowserTestSupport browser = new BrowserTestSupport(BrowserTestSupport.PHONE);

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>/]+(/login/link\\?token=[A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	@Test
	void patientSignsInWithAnEmailedLink() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		WebDriver driver = browser.driver();

		driver.get(url("/login"));
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("link-email")))
			.sendKeys(world.patientEmail());
		submit(By.cssSelector("form[action='/login/link/send'] button[type=submit]"));
		WebElement sent = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
		assertThat(sent.getText()).contains("If that address has a patient account");
		assertThat(driver.findElement(By.id("link-email")).getDomProperty("value")).isEqualTo(world.patientEmail());

		await().atMost(Duration.ofSeconds(15))
			.until(() -> NotificationTestsAccess.mailsTo(world.patientEmail()).size() == 1);
		String body = GreenMailUtil.getBody(NotificationTestsAccess.mailsTo(world.patientEmail()).get(0))
			.replace("=\r\n", "")
			.replace("=3D", "=");
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).as("link in " + body).isTrue();

		driver.get(url(link.group(1)));
		browser.waitUntil(ExpectedConditions.titleContains("Sign in"));
		assertThat(driver.getCurrentUrl()).as("opening the link signs nobody in").contains("/login/link?token=");
		submit(By.cssSelector("main button[type=submit]"));

		browser.waitUntil(ExpectedConditions.titleContains("My recovery"));
		assertThat(driver.getCurrentUrl()).endsWith("/me");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains(world.patient().displayName());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** Clicks a submit button and waits until the browser has left the page. */
	private static void submit(By button) {
		WebElement old = browser.driver().findElement(By.tagName("html"));
		browser.driver().findElement(button).click();
		browser.waitUntil(BrowserTestSupport.pageLeft(old));
	}

}
