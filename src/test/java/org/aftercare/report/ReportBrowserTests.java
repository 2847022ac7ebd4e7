package org.aftercare.report;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.browser.Axe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a patient sees, in a real Chromium on a 360x740 phone viewport: logging symptoms,
 * the one-tap check-in, the history with its chart, and an axe-core accessibility check.
 * Skipped (loudly) without Chromium, except on CI where that is a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestFixtures.class)
class ReportBrowserTests {

	private static final Logger log = LoggerFactory.getLogger(ReportBrowserTests.class);

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private static WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	World world;

	WebDriverWait wait;

	@BeforeAll
	static void startBrowser() {
		if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
			unavailable("Chromium or chromedriver is not installed (apt-get install chromium chromium-driver)");
		}
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=360,740");
		driver = new ChromeDriver(options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

	@BeforeEach
	void logIn() {
		this.world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		driver.findElement(By.id("email")).sendKeys(this.world.patientEmail());
		driver.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD);
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlToBe(url("/me")));
	}

	@Test
	void patientLogsAHeadacheAndBruisingAnswersACheckInAndSeesBothInTheirHistory() {
		driver.get(url("/me/reports/new"));
		int headache = Symptom.HEADACHE.ordinal();
		WebElement redFlag = driver
			.findElement(By.cssSelector("input[name='entries[" + headache + "].suddenWorstEver'][value=false]"));
		assertThat(redFlag.isDisplayed()).as("red flags hidden until a headache is chosen").isFalse();
		choose(Symptom.HEADACHE, "6", "2");
		this.wait.until(ExpectedConditions.visibilityOf(redFlag));
		for (String question : List.of("suddenWorstEver", "feverOrStiffNeck", "neurologicalSigns")) {
			click(By.cssSelector("input[name='entries[" + headache + "]." + question + "'][value=false]"));
		}
		choose(Symptom.BRUISING, "2", "0");
		assertThat(driver
			.findElements(By.cssSelector("input[name='entries[" + Symptom.BRUISING.ordinal() + "].suddenWorstEver']")))
			.isEmpty();
		click(By.cssSelector("form.report-form button[type=submit]"));
		this.wait.until(ExpectedConditions.or(ExpectedConditions.urlContains("/advice"),
				ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-error, .notice.error"))));
		assertThat(driver.getCurrentUrl()).as(() -> driver.findElement(By.tagName("main")).getText())
			.contains("/advice");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Headache", "6/10 (moderate)", "Bruising",
				"2/10 (mild)");

		driver.get(url("/me"));
		click(By.cssSelector(".check-in button[type=submit]"));
		this.wait.until(ExpectedConditions.urlContains("/advice"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("No new symptoms");

		driver.get(url("/me"));
		String history = driver.findElement(By.cssSelector(".report-list")).getText();
		assertThat(history).contains("Headache 6/10", "Bruising 2/10", "No new symptoms");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart[data-drawn=true] canvas")));
	}

	@Test
	void reportFormCheckInAndHistoryHaveNoSeriousAccessibilityViolations() {
		driver.get(url("/me/reports/new"));
		choose(Symptom.HEADACHE, "3", "1");
		assertThat(seriousViolations()).as("report form").isEmpty();
		click(By.cssSelector("form.report-form button[type=submit]"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-error")));
		assertThat(seriousViolations()).as("report form with errors").isEmpty();

		driver.get(url("/me/check-in"));
		assertThat(seriousViolations()).as("check-in").isEmpty();
		click(By.cssSelector(".check-in button[type=submit]"));
		this.wait.until(ExpectedConditions.urlContains("/advice"));
		assertThat(seriousViolations()).as("advice").isEmpty();

		driver.get(url("/me"));
		assertThat(seriousViolations()).as("history").isEmpty();
	}

	/**
	 * The switch on the patient's phone: their pages turn Spanish, the form's errors and
	 * the error pages (a real error dispatch here) too, with no serious accessibility
	 * violation; and switching back on an error page brings them back to it in English.
	 */
	@Test
	void patientSwitchesToSpanishAndTheFormAndErrorPagesFollowAccessibly() {
		driver.get(url("/me"));
		click(By.cssSelector(".language-switch button[value=es]"));
		waitForLanguage("es");
		assertThat(driver.getCurrentUrl()).isEqualTo(url("/me"));
		assertThat(driver.findElement(By.tagName("nav")).getText()).contains("Mi recuperación", "Anotar un síntoma");
		assertThat(driver.findElement(By.cssSelector(".language-switch button[value=es]")).getAttribute("aria-current"))
			.isEqualTo("true");

		driver.get(url("/me/reports/new"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("¿Cómo se encuentra?");
		// The report form's draft comes back after the switch's reload: its note says so.
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-draft-switch-kept]")));
		assertThat(driver.findElement(By.cssSelector(".language-switch [data-draft-switch-kept]")).getText())
			.contains("lo que ha escrito se conserva en este teléfono");
		assertThat(driver.findElement(By.cssSelector(".language-switch [data-draft-switch-lost]")).isDisplayed())
			.isFalse();
		assertThat(seriousViolations()).as("Spanish report form").isEmpty();
		click(By.cssSelector("form.report-form button[type=submit]"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-error")));
		assertThat(driver.findElement(By.cssSelector(".field-error")).getText()).contains("Elija al menos un síntoma");
		assertThat(seriousViolations()).as("Spanish report form with errors").isEmpty();

		driver.get(url("/me/reports/" + java.util.UUID.randomUUID()));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Página no encontrada");
		assertThat(seriousViolations()).as("Spanish 404 page").isEmpty();
		driver.get(url("/clinician/flags"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("No tiene acceso a esta página");

		String missing = url("/me/reports/" + java.util.UUID.randomUUID());
		driver.get(missing);
		click(By.cssSelector(".language-switch button[value=en]"));
		waitForLanguage("en");
		assertThat(driver.getCurrentUrl()).isEqualTo(missing);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
	}

	/**
	 * Waits for the page in this language. The switch reloads the page: the old page's
	 * element can go between finding it and reading it, which is not yet the answer.
	 */
	private void waitForLanguage(String language) {
		this.wait.until((browser) -> {
			try {
				return language.equals(browser.findElement(By.tagName("html")).getAttribute("lang"));
			}
			catch (WebDriverException ex) {
				return false;
			}
		});
	}

	/** Ticks a symptom and answers its severity and interference. */
	private void choose(Symptom symptom, String severity, String interference) {
		int i = symptom.ordinal();
		click(By.cssSelector("input[name='entries[" + i + "].chosen']"));
		By severityOption = By.cssSelector("input[name='entries[" + i + "].severity'][value='" + severity + "']");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(severityOption));
		click(severityOption);
		click(By.cssSelector("input[name='entries[" + i + "].interference'][value='" + interference + "']"));
	}

	private void click(By by) {
		WebElement element = this.wait.until(ExpectedConditions.elementToBeClickable(by));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	/** axe-core's serious and critical violations in the open page. */
	private List<String> seriousViolations() {
		return Axe.violations(driver)
			.stream()
			.filter((violation) -> violation.startsWith("serious ") || violation.startsWith("critical "))
			.toList();
	}

	private static void unavailable(String why) {
		if ("true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("Browser tests cannot run on CI: " + why);
		}
		log.warn("SKIPPING the report browser tests: {}", why);
		Assumptions.abort(why);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
