package org.aftercare.dashboard;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.browser.BrowserTestSupport;
import org.aftercare.account.AccountId;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientService;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.treatment.Area;
import org.aftercare.treatment.Indication;
import org.aftercare.treatment.Product;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.AreaUnits;
import org.aftercare.treatment.NewTreatment;

import static org.aftercare.browser.BrowserTestSupport.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics page as a clinician sees it, on a desktop and on a phone 360 CSS pixels
 * wide, with six products whose long names label the chart: the chart sits beside or
 * below the table and never over it, and the names under its bars never run into each
 * other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestFixtures.class)
class AnalyticsBrowserTests {

	@RegisterExtension
	static final BrowserTestSupport browser = BrowserTestSupport.phone();

	private static final List<Product> PRODUCTS = List.of(Product.ONABOTULINUMTOXINA, Product.ABOBOTULINUMTOXINA,
			Product.INCOBOTULINUMTOXINA, Product.PRABOTULINUMTOXINA, Product.DAXIBOTULINUMTOXINA,
			Product.LETIBOTULINUMTOXINA);

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	PatientService patients;

	@Autowired
	TreatmentService treatments;

	@Autowired
	ReportService reports;

	@Test
	void theChartNeverCoversTheTableAndItsLabelsNeverOverlapOnAPhone() {
		World world = clinicWithSixProducts();
		logIn(world.clinicianEmail());
		showByProduct();
		assertThat(browser.script("return window.innerWidth;")).isEqualTo(360L);
		assertLaidOut(false);
	}

	@Test
	void theChartNeverCoversTheTableAndItsLabelsNeverOverlapOnADesktop() {
		World world = clinicWithSixProducts();
		logIn(world.clinicianEmail());
		browser.window(new Dimension(1280, 900));
		showByProduct();
		assertThat(browser.script("return window.innerWidth;")).isEqualTo(1280L);
		assertLaidOut(true);
	}

	/**
	 * The chart is drawn and not over the table, and its bar names do not overlap; on a
	 * desktop the table also fits without scrolling (on a phone its frame scrolls).
	 */
	private void assertLaidOut(boolean wholeTableInView) {
		WebElement table = browser.driver().findElement(By.id("analytics-table"));
		WebElement chart = browser.waitUntil(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#analytics-chart[data-drawn=true] canvas")));
		Map<String, Object> tableBox = browser.box(table);
		Map<String, Object> chartBox = browser.box(browser.driver().findElement(By.id("analytics-chart")));
		assertThat(overlap(tableBox, chartBox)).as("the chart over the table").isFalse();
		assertThat(number(browser.box(chart), "width")).as("canvas width").isGreaterThan(200);
		if (wholeTableInView) {
			WebElement wrap = table.findElement(By.xpath(".."));
			assertThat(browser.script("return arguments[0].scrollWidth <= arguments[0].clientWidth;", wrap))
				.as("the whole table in view, no column behind a scroll bar")
				.isEqualTo(true);
		}
		List<WebElement> labels = browser.driver().findElements(By.cssSelector("#analytics-chart .analytics-x-label"));
		assertThat(labels).extracting(WebElement::getText)
			.containsExactlyInAnyOrder("onabotulinumtoxinA (Botox)", "abobotulinumtoxinA (Dysport)",
					"incobotulinumtoxinA (Xeomin)", "prabotulinumtoxinA (Jeuveau)", "daxibotulinumtoxinA (Daxxify)",
					"letibotulinumtoxinA (Letybo)");
		for (int i = 0; i < labels.size(); i++) {
			Map<String, Object> a = browser.box(labels.get(i));
			assertThat(number(a, "right")).as("label inside the chart")
				.isLessThanOrEqualTo(number(chartBox, "right") + 0.5);
			for (int j = i + 1; j < labels.size(); j++) {
				assertThat(overlap(a, browser.box(labels.get(j))))
					.as(labels.get(i).getText() + " and " + labels.get(j).getText() + ": " + a + " / "
							+ browser.box(labels.get(j)))
					.isFalse();
			}
		}
	}

	private void showByProduct() {
		open("/clinician/analytics?dimension=PRODUCT&symptom=HEADACHE");
	}

	private World clinicWithSixProducts() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(3)));
		Instant treated = Instant.now().minus(Duration.ofDays(5));
		for (int p = 0; p < PRODUCTS.size(); p++) {
			for (int i = 0; i < 3; i++) {
				PatientId patient = treat(world, PRODUCTS.get(p), treated);
				boolean headache = i <= p % 3;
				this.reports.submit(NewReport.of(world.clinic(), patient, UUID.randomUUID(),
						headache ? List.of(new NewEntry(Symptom.HEADACHE, null, 3, 0, treated.plus(Duration.ofHours(6)),
								false, treated.plus(Duration.ofHours(20)), false, false, false, null)) : List.of(),
						null));
			}
		}
		return world;
	}

	private PatientId treat(World world, Product product, Instant at) {
		PatientId patient = this.patients.enrol(world.clinic(),
				new Intake("Ana", "Lytics", LocalDate.of(1985, 5, 5), "p-" + UUID.randomUUID() + "@test.aftercare",
						null, false, false, null, false, false, false, false, false, false, false, false, false, null,
						null));
		this.treatments.record(world.clinic(),
				new NewTreatment(patient, product, "LOT", new AccountId(world.clinician().accountId()), at,
						Indication.COSMETIC, true, List.of(new AreaUnits(Area.GLABELLAR_LINES, new BigDecimal("20")))));
		return patient;
	}

	private static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
		return number(a, "left") < number(b, "right") - 0.5 && number(b, "left") < number(a, "right") - 0.5
				&& number(a, "top") < number(b, "bottom") - 0.5 && number(b, "top") < number(a, "bottom") - 0.5;
	}

	private void open(String path) {
		browser.driver().get("http://localhost:" + this.port + path);
	}

	private void logIn(String email) {
		browser.logIn(this.port, email, "/clinician");
	}

}
