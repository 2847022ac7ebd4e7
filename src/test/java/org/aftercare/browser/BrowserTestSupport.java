package org.aftercare.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.aftercare.TestFixtures;

/**
 * Real headless Chromium for browser tests, one fresh browser per test. Register it as a
 * static field: {@code @RegisterExtension static final BrowserTestSupport browser = new
 * BrowserTestSupport();}.
 *
 * <p>
 * Uses Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} and never
 * lets Selenium Manager download anything. Without them the test class is skipped with a
 * loud message, unless {@code CI=true}, where it fails. A failing test leaves a
 * screenshot in {@code target/browser-screenshots}.
 */
public final class BrowserTestSupport
		implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

	/** A phone in portrait. */
	public static final Dimension PHONE = new Dimension(360, 740);

	/** A clinic desktop. */
	public static final Dimension DESKTOP = new Dimension(1280, 900);

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final Logger log = LoggerFactory.getLogger(BrowserTestSupport.class);

	private final Dimension initialWindow;

	/**
	 * Whether the page is laid out at the window's size as on a phone (see
	 * {@link #phone}).
	 */
	private final boolean emulatePhone;

	private WebDriver driver;

	/** Chromium's DevTools connection, once a test takes service workers offline. */
	private Connection devTools;

	/** The DevTools session of each service worker taken offline, by target. */
	private final Map<String, SessionID> workerSessions = new java.util.HashMap<>();

	private Path profile;

	public BrowserTestSupport() {
		this(DESKTOP);
	}

	public BrowserTestSupport(Dimension initialWindow) {
		this(initialWindow, false);
	}

	private BrowserTestSupport(Dimension initialWindow, boolean emulatePhone) {
		this.initialWindow = initialWindow;
		this.emulatePhone = emulatePhone;
	}

	/**
	 * A phone of {@link #PHONE}'s size as Chromium's device emulation lays it out: the
	 * page is really 360 CSS pixels wide (at a pixel ratio of 2, with touch). A headless
	 * window of 360 is not: Chromium keeps its windows at least 500 wide.
	 */
	public static BrowserTestSupport phone() {
		return new BrowserTestSupport(PHONE, true);
	}

	/**
	 * Takes the browser off the network, as Chromium's DevTools "Offline" does
	 * ({@code navigator.onLine} false, an {@code offline} event, requests fail), or puts
	 * it back on: the page, and its service workers, which fetch on their own.
	 */
	public void offline(boolean offline) {
		ChromiumDriver chromium = (ChromiumDriver) driver();
		if (offline) {
			ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
			conditions.setOffline(true);
			chromium.setNetworkConditions(conditions);
		}
		else {
			chromium.deleteNetworkConditions();
		}
		serviceWorkersOffline(offline);
	}

	@SuppressWarnings("unchecked")
	private void serviceWorkersOffline(boolean offline) {
		if (this.devTools == null) {
			this.devTools = SeleniumCdpConnection.create(driver())
				.orElseThrow(() -> new IllegalStateException("Chromium offers no DevTools connection"));
		}
		Map<String, Object> targets = this.devTools.sendAndWait(null,
				new Command<Map<String, Object>>("Target.getTargets", Map.of(), Map.class), WAIT);
		for (Map<String, Object> target : (List<Map<String, Object>>) targets.get("targetInfos")) {
			if (!"service_worker".equals(target.get("type"))) {
				continue;
			}
			// Each DevTools session's conditions are its own: the one that took a worker
			// offline is the one that puts it back.
			SessionID session = this.workerSessions.computeIfAbsent((String) target.get("targetId"), (id) -> {
				Map<String, Object> attached = this.devTools.sendAndWait(null, new Command<Map<String, Object>>(
						"Target.attachToTarget", Map.of("targetId", id, "flatten", true), Map.class), WAIT);
				SessionID attachedSession = new SessionID((String) attached.get("sessionId"));
				this.devTools.sendAndWait(attachedSession,
						new Command<Map<String, Object>>("Network.enable", Map.of(), Map.class), WAIT);
				return attachedSession;
			});
			this.devTools.sendAndWait(session,
					new Command<Map<String, Object>>("Network.emulateNetworkConditions",
							Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1),
							Map.class),
					WAIT);
		}
	}

	/** The browser of the running test. */
	public WebDriver driver() {
		Assertions.assertNotNull(this.driver, "The browser starts before each test");
		return this.driver;
	}

	/** Waits (up to 15 s) until the condition holds, as an explicit wait. */
	/**
	 * The browser has left the page that {@code old} belongs to. Chromium sometimes
	 * answers a question about a node of the page being replaced with a generic error
	 * instead of "stale element": that, too, means the page is gone.
	 */
	public static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> pageLeft(
			org.openqa.selenium.WebElement old) {
		return (driver) -> {
			try {
				old.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				return ex.getMessage() != null && ex.getMessage().contains("does not belong to the document");
			}
		};
	}

	public <T> T waitUntil(Function<? super WebDriver, T> condition) {
		return new WebDriverWait(driver(), WAIT).until(condition);
	}

	/**
	 * Signs in through the login form at {@code port} with the fixtures' password, and
	 * waits until the browser has left the login page for one whose address contains
	 * {@code landing}.
	 */
	public void logIn(int port, String email, String landing) {
		WebDriver driver = driver();
		driver.get("http://localhost:" + port + "/login");
		waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD);
		WebElement page = driver.findElement(By.tagName("html"));
		driver.findElement(By.cssSelector("main button[type=submit]")).click();
		waitUntil(pageLeft(page));
		waitUntil(ExpectedConditions.urlContains(landing));
	}

	/** Runs JavaScript in the page and returns what it returns. */
	public Object script(String source, Object... arguments) {
		return ((JavascriptExecutor) driver()).executeScript(source, arguments);
	}

	/**
	 * The element's bounding box in CSS pixels: left, right, top, bottom, width, height.
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> box(WebElement element) {
		return (Map<String, Object>) script("return arguments[0].getBoundingClientRect().toJSON();", element);
	}

	/** One side or size of a {@link #box}. */
	public static double number(Map<String, Object> box, String key) {
		return ((Number) box.get(key)).doubleValue();
	}

	/** Resizes the window, for a test that switches between a phone and a desktop. */
	public void window(Dimension size) {
		driver().manage().window().setSize(size);
		if (this.emulatePhone) {
			emulate(size);
		}
	}

	/**
	 * Lays the page out at {@code size} as Chromium's device emulation does, for sizes a
	 * window cannot take; a desktop size is the window's own.
	 */
	private void emulate(Dimension size) {
		ChromiumDriver chromium = (ChromiumDriver) driver();
		if (size.getWidth() >= DESKTOP.getWidth()) {
			chromium.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			chromium.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
			return;
		}
		chromium.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", size.getWidth(), "height", size.getHeight(), "deviceScaleFactor", 2, "mobile", true));
		chromium.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
			return;
		}
		String message = "Browser tests in " + context.getDisplayName() + " need " + CHROMIUM + " and " + CHROMEDRIVER
				+ " (apt-get install -y chromium chromium-driver), and they are missing.";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(message + " CI=true requires them.");
		}
		log.warn("\n\n  *** SKIPPED: {} ***\n", message);
		Assumptions.abort("SKIPPED: " + message);
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		// Both paths given, so Selenium Manager has nothing to look up or download.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		this.profile = Files.createTempDirectory("aftercare-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + this.profile,
				"--window-size=" + this.initialWindow.getWidth() + "," + this.initialWindow.getHeight());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		window(this.initialWindow);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isEmpty() || this.driver == null) {
			return;
		}
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName() + "-"
					+ context.getRequiredTestMethod().getName() + ".png");
			Path shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
			log.error("Browser test failed on {}; screenshot: {}", this.driver.getCurrentUrl(),
					target.toAbsolutePath());
		}
		catch (RuntimeException | IOException ex) {
			log.warn("Could not save a screenshot of the failed browser test", ex);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		try {
			if (this.devTools != null) {
				this.devTools.close();
			}
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			this.devTools = null;
			this.workerSessions.clear();
			this.driver = null;
			deleteProfile();
		}
	}

	private void deleteProfile() {
		if (this.profile == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.profile = null;
		}
	}

}
