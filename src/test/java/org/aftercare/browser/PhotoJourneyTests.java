package org.aftercare.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.report.Symptom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A photo from a patient's phone to the clinician's flag page, in real Chromium: chosen
 * in the report form's file input, kept on the form when a field needs another look, sent
 * with the report, seen on the patient's recovery page, and beside the flag, full size on
 * click.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestFixtures.class)
class PhotoJourneyTests {

	@RegisterExtension
	static final BrowserTestSupport browser = new BrowserTestSupport(BrowserTestSupport.PHONE);

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void patientSendsABruisePhotoThatSurvivesAFormErrorAndTheClinicianOpensItFromTheFlag() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		Path photo = this.dir.resolve("IMG_2041.jpg");
		Files.write(photo, jpeg(1200, 900));
		WebDriver driver = browser.driver();

		logIn(world.patientEmail());
		browser.waitUntil(ExpectedConditions.titleContains("My recovery"));
		driver.get(url("/me/reports/new"));
		int bruising = Symptom.BRUISING.ordinal();
		click(By.cssSelector("input[name='entries[" + bruising + "].chosen']"));
		// Severity left out on purpose: the form comes back, the photo must not be lost.
		click(By.cssSelector("input[name='entries[" + bruising + "].interference'][value='1']"));
		driver.findElement(By.id("notes")).sendKeys("The bruise is bigger today");
		driver.findElement(By.id("photos")).sendKeys(photo.toString());
		recordEncoding();
		submit(By.cssSelector("form.report-form button.primary[type=submit]"));
		assertThat(sentAs()).isEqualTo("multipart/form-data");

		assertThat(browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-error")))
			.getText()).contains("how bad it was");
		WebElement staged = driver.findElement(By.cssSelector("#staged-photos img"));
		browser.waitUntil((d) -> loaded(staged));
		assertThat(driver.findElement(By.id("notes")).getDomProperty("value")).isEqualTo("The bruise is bigger today");
		// Sent once (the report form's script sends it and shows the answer): the photo
		// is
		// held for the form once, not a second time by a second post.
		assertThat(photos(world)).containsExactly("staged");

		click(By.cssSelector("input[name='entries[" + bruising + "].severity'][value='8']"));
		recordEncoding();
		submit(By.cssSelector("form.report-form button.primary[type=submit]"));
		browser.waitUntil(ExpectedConditions.urlContains("/advice"));
		// No new photo: sent as a plain form, the photo the form holds by its id.
		assertThat(sentAs()).isEqualTo("application/x-www-form-urlencoded");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Bruising");

		driver.get(url("/me"));
		WebElement own = browser
			.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#own-photos img")));
		browser.waitUntil((d) -> loaded(own));
		assertThat(driver.findElement(By.id("own-photos")).getText()).contains("With the report of");
		submit(By.cssSelector("header form button[type=submit]"));

		browser.window(BrowserTestSupport.DESKTOP);
		logIn(world.clinicianEmail());
		browser.waitUntil(ExpectedConditions.urlContains("/clinician/flags"));
		UUID flag = this.jdbc.sql("SELECT id FROM flag WHERE clinic_id = ? AND patient_id = ?")
			.params(world.clinicId(), world.patient().patientId())
			.query(UUID.class)
			.single();
		driver.get(url("/clinician/flags/" + flag));
		WebElement thumbnail = browser
			.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#flag-photos img")));
		browser.waitUntil((d) -> loaded(thumbnail));
		assertThat(driver.findElement(By.id("flag-photos")).getText()).contains("With the report of");

		String page = driver.getWindowHandle();
		Set<String> before = driver.getWindowHandles();
		click(By.cssSelector("#flag-photos a.photo-link"));
		browser.waitUntil((d) -> d.getWindowHandles().size() > before.size());
		String full = driver.getWindowHandles().stream().filter((h) -> !before.contains(h)).findFirst().orElseThrow();
		driver.switchTo().window(full);
		browser.waitUntil(ExpectedConditions.urlContains("/clinician/photos/"));
		Number width = browser.waitUntil((d) -> {
			Object w = ((JavascriptExecutor) d)
				.executeScript("const i = document.images[0]; return i && i.complete ? i.naturalWidth : null;");
			return (w instanceof Number n && n.intValue() > 0) ? n : null;
		});
		assertThat(width.intValue()).as("the photo as stored, not the thumbnail").isEqualTo(1200);
		driver.close();
		driver.switchTo().window(page);
	}

	@Test
	void addingPhotosKeepsTheFormOpenWithThePhotoAndSendsNothingUntilSend() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		Path photo = this.dir.resolve("swelling.jpg");
		Files.write(photo, jpeg(800, 600));
		WebDriver driver = browser.driver();
		logIn(world.patientEmail());
		browser.waitUntil(ExpectedConditions.titleContains("My recovery"));
		driver.get(url("/me/reports/new"));
		int swelling = Symptom.SWELLING.ordinal();
		click(By.cssSelector("input[name='entries[" + swelling + "].chosen']"));
		click(By.cssSelector("input[name='entries[" + swelling + "].severity'][value='4']"));
		click(By.cssSelector("input[name='entries[" + swelling + "].interference'][value='0']"));
		driver.findElement(By.id("photos")).sendKeys(photo.toString());

		// A complete report: "add these photos" still keeps it open, as its button says.
		submit(By.id("add-photos"));
		WebElement staged = browser
			.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#staged-photos img")));
		browser.waitUntil((d) -> loaded(staged));
		assertThat(reports(world)).isZero();
		assertThat(photos(world)).containsExactly("staged");
		assertThat(driver.findElement(By.cssSelector("input[name='entries[" + swelling + "].severity'][value='4']"))
			.isSelected()).isTrue();

		submit(By.cssSelector("form.report-form button.primary[type=submit]"));
		browser.waitUntil(ExpectedConditions.urlContains("/advice"));
		assertThat(reports(world)).isEqualTo(1);
		assertThat(photos(world)).containsExactly("attached");
		assertThat(((JavascriptExecutor) driver).executeScript("""
				for (var i = 0; i < localStorage.length; i++) {
				  if (localStorage.key(i).indexOf('aftercare.draft.') === 0) { return localStorage.key(i); }
				}
				return null;""")).as("the report's draft, once it is saved").isNull();
	}

	/** The patient's photos: staged for a form, or attached to a report. */
	private java.util.List<String> photos(World world) {
		return this.jdbc
			.sql("SELECT CASE WHEN report_id IS NULL THEN 'staged' ELSE 'attached' END FROM report_photo"
					+ " WHERE clinic_id = ? AND patient_id = ?")
			.params(world.clinicId(), world.patient().patientId())
			.query(String.class)
			.list();
	}

	private long reports(World world) {
		return this.jdbc.sql("SELECT count(*) FROM symptom_report WHERE clinic_id = ? AND patient_id = ?")
			.params(world.clinicId(), world.patient().patientId())
			.query(Long.class)
			.single();
	}

	/** Notes, as the form is sent, how it is encoded (after the page's own script). */
	private static void recordEncoding() {
		((JavascriptExecutor) browser.driver()).executeScript("""
				const form = document.querySelector('form.report-form');
				form.addEventListener('submit', () => sessionStorage.setItem('sentAs', form.enctype));""");
	}

	private static Object sentAs() {
		return ((JavascriptExecutor) browser.driver()).executeScript("return sessionStorage.getItem('sentAs');");
	}

	private static boolean loaded(WebElement image) {
		Object width = ((JavascriptExecutor) browser.driver())
			.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0;", image);
		return width instanceof Number n && n.intValue() > 0;
	}

	private static byte[] jpeg(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(230, 200, 180));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(new Color(120, 60, 130));
		graphics.fillOval(width / 3, height / 3, width / 4, height / 5);
		graphics.dispose();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void logIn(String email) {
		WebDriver driver = browser.driver();
		driver.get(url("/login"));
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

	/** Clicks a submit button and waits until the browser has left the page. */
	private static void submit(By button) {
		WebElement old = browser.driver().findElement(By.tagName("html"));
		click(button);
		browser.waitUntil(BrowserTestSupport.pageLeft(old));
	}

}
