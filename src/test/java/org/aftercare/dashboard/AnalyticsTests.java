package org.aftercare.dashboard;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.AccountId;
import org.aftercare.account.AccountService;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientService;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.security.ClinicId;
import org.aftercare.security.Role;
import org.aftercare.treatment.Area;
import org.aftercare.treatment.Indication;
import org.aftercare.treatment.NewTreatment;
import org.aftercare.treatment.Product;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.AreaUnits;
import org.aftercare.web.ShortCache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The analytics against a hand-built clinic. Ten treatments, all within the default
 * period (the last 12 months):
 *
 * <pre>
 * T1  Dr Test  Botox    glabellar 20  day -3   headache from day 1               counted, headache
 * T2  Dr Test  Botox    glabellar 20  day -5   "no new symptoms"                 counted
 * T3  Dr Test  Botox    glabellar 20  day -6   bruising only                     counted
 * T4  Dr Test  Botox    glabellar 20  day -7   no report                         left out
 * T5  Dr Test  Botox    glabellar 20  14d 1h   headache, reported after day 14   left out (no check-in in 14 days)
 * T6  Dr Test  Botox    glabellar 20  14d -1h  "no new symptoms"                 counted (inside the window)
 * T7  =HYPERLINK Dysport forehead 10 + glabellar 20  day -4  headache from day 1   counted, headache
 * T8  =HYPERLINK Dysport glabellar 20  day -4  headache since before treatment   counted (pre-existing)
 * T9  @SUM(1)  Botox    nose 8        day -16  check-in day 11, headache from day 13   counted, headache
 * T10 @SUM(1)  Botox    nose 8        day -16  check-in day 11, headache from day 15   counted (outside 14 days)
 * </pre>
 *
 * Overall 3 of 8. Products: Botox 2/6, Dysport 1/2. Injectors: Dr Test 1/4, =HYPERLINK
 * 1/2, {@literal @}SUM(1) 1/2. Areas: glabellar 2/6, forehead 1/1, nose 1/2. Dose: under
 * 20 1/2, 20-39.9 2/6.
 */
@AftercareTest
class AnalyticsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	PatientService patients;

	@Autowired
	TreatmentService treatments;

	@Autowired
	AccountService accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	AnalyticsQuery query;

	@Autowired
	MessageSource messages;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void incidenceDenominatorAndIntervalEqualTheHandCountedValues() throws Exception {
		Clinic clinic = buildClinic();
		String json = json(clinic.world(), "dimension=PRODUCT&symptom=HEADACHE");
		assertRow(json, "$.overall", 8, 3, 0.1368, 0.6943);
		// Botox 2/6: p = 1/3; z²/n = 0.640267; centre = 0.653400 / 1.640267 = 0.398350;
		// half = 1.194925 · √(0.037037 + 0.026678) = 0.301586 -> [0.0968, 0.7000]
		assertRow(json, group("onabotulinumtoxinA (Botox)"), 6, 2, 0.0968, 0.7000);
		// Dysport 1/2: centre = 1.4604 / 2.9208 = 0.5; half = 0.671049 · √(0.125 +
		// 0.2401) = 0.405471
		assertRow(json, group("abobotulinumtoxinA (Dysport)"), 2, 1, 0.0945, 0.9055);
		assertThat(JsonPath.<Double>read(json, "$.reference.rate")).isEqualTo(0.102);
		assertThat(JsonPath.<List<Object>>read(json, "$.groups")).hasSize(2);
	}

	/**
	 * A result whose minute is up is recomputed in the background, on a thread with no
	 * signed-in user and no test scope, and still counts the clinic's treatments (without
	 * the clinic's explicit scope, row-level security would show it none and the page
	 * would show zeros until the next report).
	 */
	@Test
	void anExpiredResultIsRecomputedInTheBackgroundInTheClinicsOwnScope() throws Exception {
		Clinic clinic = buildClinic();
		AtomicLong nanos = new AtomicLong();
		List<Runnable> background = new ArrayList<>();
		Analytics analytics = new Analytics(this.query, this.messages, background::add,
				new ShortCache<>(Duration.ofMinutes(1), 10, nanos::get));
		LocalDate today = LocalDate.now(this.clock);
		AnalyticsCriteria criteria = new AnalyticsCriteria(today.minusMonths(12), today, AnalyticsDimension.PRODUCT,
				Symptom.HEADACHE);
		UUID clinicId = clinic.world().clinicId();
		assertThat(analytics.incidence(new ClinicId(clinicId), ZoneOffset.UTC, criteria).overall().treatments())
			.isEqualTo(8);
		nanos.addAndGet(Duration.ofSeconds(61).toNanos());
		assertThat(analytics.incidence(new ClinicId(clinicId), ZoneOffset.UTC, criteria).overall().treatments())
			.isEqualTo(8);
		assertThat(background).hasSize(1);
		CompletableFuture.runAsync(background.remove(0)).get();
		assertThat(analytics.incidence(new ClinicId(clinicId), ZoneOffset.UTC, criteria).overall().treatments())
			.as("the result recomputed on the background thread")
			.isEqualTo(8);
		assertThat(background).as("fresh again: nothing more to recompute").isEmpty();
	}

	@Test
	void injectorsAreasAndDoseBandsAreGroupedInTheDatabase() throws Exception {
		Clinic clinic = buildClinic();
		String byInjector = json(clinic.world(), "dimension=INJECTOR");
		assertRow(byInjector, group(clinic.world().clinician().displayName()), 4, 1, 0.0456, 0.6994);
		assertRow(byInjector, group(clinic.formula()), 2, 1, 0.0945, 0.9055);
		assertRow(byInjector, group(clinic.at()), 2, 1, 0.0945, 0.9055);
		String byArea = json(clinic.world(), "dimension=AREA");
		assertRow(byArea, group("Frown lines (glabellar)"), 6, 2, 0.0968, 0.7000);
		// 1/1: centre = 2.9208 / 4.8416 = 0.603272, half = 0.404825 · √(0.9604) =
		// 0.396729
		assertRow(byArea, group("Forehead"), 1, 1, 0.2065, 1.0);
		assertRow(byArea, group("Nose (bunny lines)"), 2, 1, 0.0945, 0.9055);
		assertRow(byArea, "$.overall", 8, 3, 0.1368, 0.6943);
		String byDose = json(clinic.world(), "dimension=DOSE_BAND");
		assertRow(byDose, group("Under 20 units"), 2, 1, 0.0945, 0.9055);
		assertRow(byDose, group("20 to 39.9 units"), 6, 2, 0.0968, 0.7000);
	}

	@Test
	void theFourteenDayWindowDecidesWhatCounts() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(16)));
		Instant treated = Instant.now().minus(Duration.ofDays(16));
		// a check-in on day 11 puts both treatments in the denominator
		UUID late = treat(world, world.clinician().accountId(), Product.ONABOTULINUMTOXINA, treated, glabellar(20));
		UUID early = treat(world, world.clinician().accountId(), Product.ONABOTULINUMTOXINA, treated, glabellar(20));
		this.clock.advance(Duration.ofDays(-5));
		noNewSymptoms(world, late);
		noNewSymptoms(world, early);
		this.clock.reset();
		headache(world, late, treated.plus(Duration.ofDays(14)).plus(Duration.ofMinutes(5)));
		headache(world, early, treated.plus(Duration.ofDays(14)).minus(Duration.ofMinutes(5)));
		// the world's own treatment (day -16) has no report and stays out
		String json = json(world, "dimension=PRODUCT");
		assertRow(json, "$.overall", 2, 1, 0.0945, 0.9055);
	}

	@Test
	void anotherClinicsDataNeverCounts() throws Exception {
		Clinic clinic = buildClinic();
		World theirs = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		headache(theirs, theirs.patient().patientId(), Instant.now().minus(Duration.ofDays(1)));
		assertRow(json(clinic.world(), "dimension=PRODUCT"), "$.overall", 8, 3, 0.1368, 0.6943);
		assertRow(json(theirs, "dimension=PRODUCT"), "$.overall", 1, 1, 0.2065, 1.0);
		this.mvc.perform(get("/clinician/analytics").param("dimension", "INJECTOR").with(user(theirs.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(clinic.at()))));
	}

	@Test
	void thePageShowsTheTableTheReferenceAndTheChartData() throws Exception {
		Clinic clinic = buildClinic();
		this.mvc.perform(get("/clinician/analytics").with(user(clinic.world().clinician())))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Clinic overall: 3 of 8 treatments (37.5%, 95% interval 13.7% to 69.4%).")))
			.andExpect(content().string(containsString("onabotulinumtoxinA (Botox)")))
			.andExpect(content().string(containsString("33.3%")))
			.andExpect(content().string(containsString("9.7% to 70.0%")))
			.andExpect(content().string(containsString("PMID 34897957")))
			.andExpect(content().string(containsString("never a verdict")))
			.andExpect(content().string(containsString("data-incidence=\"0.5\"")))
			.andExpect(content().string(containsString("uPlot.iife.min.js")));
		this.mvc.perform(get("/webjars/uplot/dist/uPlot.iife.min.js")).andExpect(status().isOk());
		this.mvc.perform(get("/assets/js/analytics.js")).andExpect(status().isOk());
	}

	@Test
	void aGroupWhollyAboveTheClinicRateIsASignal() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(60)));
		UUID second = injector(world, "Dr Second");
		Instant treated = Instant.now().minus(Duration.ofDays(3));
		for (int i = 0; i < 6; i++) {
			UUID patient = treat(world, second, Product.ONABOTULINUMTOXINA, treated, glabellar(20));
			headache(world, patient, treated.plus(Duration.ofHours(6)));
		}
		for (int i = 0; i < 12; i++) {
			noNewSymptoms(world,
					treat(world, world.clinician().accountId(), Product.ONABOTULINUMTOXINA, treated, glabellar(20)));
		}
		// overall 6/18 = 0.333; Dr Second 6/6 -> [0.6097, 1] lies wholly above: a signal
		String json = json(world, "dimension=INJECTOR");
		assertThat(JsonPath.<List<Boolean>>read(json, group("Dr Second") + ".signal")).containsExactly(true);
		assertThat(JsonPath.<List<Boolean>>read(json, group(world.clinician().displayName()) + ".signal"))
			.containsExactly(false);
		this.mvc.perform(get("/clinician/analytics").param("dimension", "INJECTOR").with(user(world.clinician())))
			.andExpect(content().string(containsString("class=\"tag signal-tag\"")));
	}

	@Test
	void csvHasOneRowPerGroupAndNeutralisesFormulas() throws Exception {
		Clinic clinic = buildClinic();
		String csv = this.mvc
			.perform(get("/clinician/analytics.csv").param("dimension", "INJECTOR")
				.with(user(clinic.world().clinician())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).isEqualTo("group,treatments,with symptom,incidence,lower,upper,signal");
		assertThat(lines).contains("'@SUM(1) " + clinic.suffix() + ",2,1,0.5000,0.0945,0.9055,no")
			.contains(clinic.world().clinician().displayName() + ",4,1,0.2500,0.0456,0.6994,no")
			.contains("Clinic overall,8,3,0.3750,0.1368,0.6943,no");
		// commons-csv quotes the cell with a quote character inside; it still starts with
		// '
		assertThat(lines).anyMatch((line) -> line.startsWith("\"'=HYPERLINK("));
		assertThat(lines).noneMatch((line) -> line.startsWith("=") || line.startsWith("@") || line.startsWith("\"=")
				|| line.startsWith("\"@"));
		assertThat(lines).hasSize(5);
	}

	@Test
	void badParametersComeBackBesideTheFieldNeverAsAServerError() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc
			.perform(get("/clinician/analytics").param("from", "2025-05-02")
				.param("to", "2025-05-01")
				.with(user(world.clinician())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"to-error\"")))
			.andExpect(content().string(containsString("The end date must be on or after the start date.")))
			.andExpect(content().string(containsString("value=\"2025-05-02\"")));
		this.mvc.perform(get("/clinician/analytics").param("dimension", "COLOUR").with(user(world.clinician())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"dimension-error\"")));
		this.mvc.perform(get("/clinician/analytics.json").param("from", "yesterday").with(user(world.clinician())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter a date like")));
		this.mvc.perform(get("/clinician/analytics.csv").param("symptom", "<script>").with(user(world.clinician())))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void patientsCannotSeeTheAnalytics() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get("/clinician/analytics").with(user(world.patient()))).andExpect(status().isForbidden());
		this.mvc.perform(get("/clinician/analytics.json").with(user(world.patient())))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/clinician/analytics.csv").with(user(world.patient()))).andExpect(status().isForbidden());
	}

	@Test
	void thePeriodLimitsTheTreatments() throws Exception {
		Clinic clinic = buildClinic();
		LocalDate today = LocalDate.now(clinic.world().clinician().zone());
		String json = json(clinic.world(),
				"dimension=PRODUCT&from=" + today.minusDays(5) + "&to=" + today.minusDays(4));
		// only T2 (day -5, no new symptoms), T7 and T8 (day -4) were treated on those
		// days
		assertRow(json, "$.overall", 3, 1, 0.0615, 0.7923);
	}

	record Clinic(World world, String formula, String at, String suffix) {
	}

	private Clinic buildClinic() {
		Instant now = Instant.now();
		World world = this.fixtures.world(now.minus(Duration.ofDays(3)));
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String formula = "=HYPERLINK(\"http://evil.test\",\"x\") " + suffix;
		String at = "@SUM(1) " + suffix;
		UUID me = world.clinician().accountId();
		UUID second = injector(world, formula);
		UUID third = injector(world, at);
		headache(world, world.patient().patientId(), now.minus(Duration.ofDays(2)));
		noNewSymptoms(world,
				treat(world, me, Product.ONABOTULINUMTOXINA, now.minus(Duration.ofDays(5)), glabellar(20)));
		report(world, treat(world, me, Product.ONABOTULINUMTOXINA, now.minus(Duration.ofDays(6)), glabellar(20)),
				Symptom.BRUISING, now.minus(Duration.ofDays(5)));
		treat(world, me, Product.ONABOTULINUMTOXINA, now.minus(Duration.ofDays(7)), glabellar(20));
		Instant t5 = now.minus(Duration.ofDays(14)).minus(Duration.ofHours(1));
		headache(world, treat(world, me, Product.ONABOTULINUMTOXINA, t5, glabellar(20)), t5.plus(Duration.ofHours(1)));
		noNewSymptoms(world, treat(world, me, Product.ONABOTULINUMTOXINA,
				now.minus(Duration.ofDays(14)).plus(Duration.ofHours(1)), glabellar(20)));
		Instant t7 = now.minus(Duration.ofDays(4));
		headache(world,
				treat(world, second, Product.ABOBOTULINUMTOXINA, t7,
						List.of(new AreaUnits(Area.FOREHEAD, new BigDecimal("10")), glabellar(20).get(0))),
				t7.plus(Duration.ofDays(1)));
		headache(world, treat(world, second, Product.ABOBOTULINUMTOXINA, t7, glabellar(20)),
				t7.minus(Duration.ofDays(1)));
		Instant t9 = now.minus(Duration.ofDays(16));
		UUID p9 = treat(world, third, Product.ONABOTULINUMTOXINA, t9, nose());
		UUID p10 = treat(world, third, Product.ONABOTULINUMTOXINA, t9, nose());
		this.clock.advance(Duration.ofDays(-5));
		noNewSymptoms(world, p9);
		noNewSymptoms(world, p10);
		this.clock.reset();
		headache(world, p9, t9.plus(Duration.ofDays(13)));
		headache(world, p10, t9.plus(Duration.ofDays(15)));
		return new Clinic(world, formula, at, suffix);
	}

	private String json(World world, String query) throws Exception {
		return this.mvc.perform(get("/clinician/analytics.json?" + query).with(user(world.clinician())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String group(String label) {
		return "$.groups[?(@.label == '" + label.replace("'", "\\'") + "')]";
	}

	private static void assertRow(String json, String path, long treatments, long withSymptom, double lower,
			double upper) {
		Map<String, Object> row = single(JsonPath.read(json, path));
		assertThat(((Number) row.get("treatments")).longValue()).as(path + " treatments").isEqualTo(treatments);
		assertThat(((Number) row.get("withSymptom")).longValue()).as(path + " with symptom").isEqualTo(withSymptom);
		assertThat(((Number) row.get("incidence")).doubleValue()).as(path + " incidence")
			.isCloseTo((double) withSymptom / treatments, within(1e-9));
		assertThat(((Number) row.get("lower")).doubleValue()).as(path + " lower").isCloseTo(lower, within(0.0001));
		assertThat(((Number) row.get("upper")).doubleValue()).as(path + " upper").isCloseTo(upper, within(0.0001));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> single(Object read) {
		if (read instanceof List<?> list) {
			assertThat(list).hasSize(1);
			return (Map<String, Object>) list.get(0);
		}
		return (Map<String, Object>) read;
	}

	private UUID injector(World world, String name) {
		return this.accounts
			.create(world.clinic(), "injector-" + UUID.randomUUID() + "@test.aftercare", TestFixtures.PASSWORD,
					Role.CLINICIAN, name, null)
			.value();
	}

	/** A new patient of the clinic with one treatment; returns the patient. */
	private UUID treat(World world, UUID injector, Product product, Instant at, List<AreaUnits> areas) {
		UUID patient = this.patients
			.enrol(world.clinic(),
					new Intake("Ana", "Lytics", LocalDate.of(1985, 5, 5), "p-" + UUID.randomUUID() + "@test.aftercare",
							null, false, false, null, false, false, false, false, false, false, false, false, false,
							null, null))
			.value();
		this.treatments.record(world.clinic(), new NewTreatment(new PatientId(patient), product, "LOT",
				new AccountId(injector), at, Indication.COSMETIC, true, areas));
		return patient;
	}

	private static List<AreaUnits> glabellar(int units) {
		return List.of(new AreaUnits(Area.GLABELLAR_LINES, new BigDecimal(units)));
	}

	private static List<AreaUnits> nose() {
		return List.of(new AreaUnits(Area.BUNNY_LINES, new BigDecimal("8")));
	}

	private void headache(World world, UUID patient, Instant started) {
		report(world, patient, Symptom.HEADACHE, started);
	}

	private void report(World world, UUID patient, Symptom symptom, Instant started) {
		this.reports.submit(NewReport.of(world.clinic(), new PatientId(patient), UUID.randomUUID(),
				List.of(new NewEntry(symptom, null, 4, null, started, true, null, null, null, null, null)), null));
	}

	private void noNewSymptoms(World world, UUID patient) {
		this.reports.submit(NewReport.of(world.clinic(), new PatientId(patient), UUID.randomUUID(), List.of(), null));
	}

}
