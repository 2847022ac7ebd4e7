package org.aftercare.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.browser.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in real Chromium, with its virtual authenticator standing in for a phone's
 * fingerprint: a patient adds one on the account page and signs in with it from the login
 * page; a clinician's passkey signs in past the clinic's two-factor requirement. The
 * relying party is the base URL, so the server runs on a port chosen before it starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(TestFixtures.class)
class PasskeyJourneyTests {

	private static final int PORT = freePort();

	@RegisterExtension
	static final BrowserTestSupport browser = new BrowserTestSupport(BrowserTestSupport.PHONE);

	@Autowired
	TestFixtures fixtures;

	@Autowired
	TwoFactorService twoFactor;

	private World world;

	@DynamicPropertySource
	static void relyingParty(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("aftercare.base-url", () -> "http://localhost:" + PORT);
	}

	@AfterEach
	void relaxClinic() {
		if (this.world != null) {
			this.twoFactor.require(this.world.clinic(), false);
		}
	}

	@Test
	void aPatientAddsAPasskeyAndSignsInWithItWithoutTyping() {
		this.world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		WebDriver driver = browser.driver();
		VirtualAuthenticator phone = fingerprintReader(driver);

		logIn(this.world.patientEmail());
		browser.waitUntil(ExpectedConditions.urlContains("/me"));
		// A passkey needs a name: said beside the field, and nothing is registered.
		driver.get(url("/account/passkeys"));
		browser.waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector("#passkey-register button"))).click();
		assertThat(browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("label-error"))).getText())
			.isEqualTo("Please give this passkey a name.");
		assertThat(phone.getCredentials()).isEmpty();
		addPasskey("My phone");
		WebElement row = browser.waitUntil(ExpectedConditions
			.visibilityOfElementLocated(By.xpath("//table[@class='passkeys']//tr[td[normalize-space()='My phone']]")));
		assertThat(row.getText()).contains("Not used yet");
		assertThat(phone.getCredentials()).hasSize(1);

		logOut();
		driver.get(url("/login"));
		submit(By.cssSelector("#passkey-sign-in button[type=submit]"));
		browser.waitUntil(ExpectedConditions.titleContains("My recovery"));
		assertThat(driver.getCurrentUrl()).endsWith("/me");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains(this.world.patient().displayName());

		driver.get(url("/account/passkeys"));
		assertThat(driver.findElement(By.cssSelector("table.passkeys tbody")).getText()).contains("My phone")
			.doesNotContain("Not used yet");
	}

	@Test
	void aClinicianPasskeyCountsAsTheSecondFactor() {
		this.world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		WebDriver driver = browser.driver();
		fingerprintReader(driver);

		logIn(this.world.clinicianEmail());
		browser.waitUntil(ExpectedConditions.urlContains("/clinician/flags"));
		addPasskey("Surgery laptop");
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//table[@class='passkeys']//td[normalize-space()='Surgery laptop']")));
		logOut();

		// From now on the clinic asks staff for a second factor: a password alone goes to
		// the authenticator step, a passkey does not.
		this.twoFactor.require(this.world.clinic(), true);
		logIn(this.world.clinicianEmail());
		browser.waitUntil(ExpectedConditions.urlContains("/two-factor"));
		driver.manage().deleteAllCookies();

		driver.get(url("/login"));
		submit(By.cssSelector("#passkey-sign-in button[type=submit]"));
		browser.waitUntil(ExpectedConditions.urlContains("/clinician/flags"));
		assertThat(driver.getCurrentUrl()).doesNotContain("two-factor");
	}

	/** A platform authenticator that holds passkeys and verifies its user every time. */
	private static VirtualAuthenticator fingerprintReader(WebDriver driver) {
		return ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true)
					.setIsUserConsenting(true));
	}

	private void addPasskey(String name) {
		WebDriver driver = browser.driver();
		driver.get(url("/account/passkeys"));
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("label"))).sendKeys(name);
		submit(By.cssSelector("#passkey-register button[type=submit]"));
	}

	private void logIn(String email) {
		WebDriver driver = browser.driver();
		driver.get(url("/login"));
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD);
		submit(By.cssSelector("form[action='/login'] button[type=submit]"));
	}

	private void logOut() {
		submit(By.cssSelector("header form button[type=submit]"));
	}

	private static String url(String path) {
		return "http://localhost:" + PORT + path;
	}

	/** Clicks a submit button and waits until the browser has left the page. */
	private static void submit(By button) {
		WebElement old = browser.driver().findElement(By.tagName("html"));
		browser.waitUntil(ExpectedConditions.elementToBeClickable(button)).click();
		browser.waitUntil(BrowserTestSupport.pageLeft(old));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
