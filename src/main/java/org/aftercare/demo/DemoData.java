package org.aftercare.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.account.AccountId;
import org.aftercare.account.AccountService;
import org.aftercare.clinic.ClinicService;
import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientService;
import org.aftercare.patient.Intake;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportId;
import org.aftercare.report.ReportService;
import org.aftercare.report.NewEntry;
import org.aftercare.report.Symptom;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;
import org.aftercare.treatment.Area;
import org.aftercare.treatment.Indication;
import org.aftercare.treatment.NewTreatment;
import org.aftercare.treatment.Product;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.AreaUnits;
import org.aftercare.treatment.DueCheckIn;
import org.aftercare.triage.Causality;
import org.aftercare.triage.FlagId;
import org.aftercare.triage.FlagRaised;
import org.aftercare.triage.FlagReview;
import org.aftercare.triage.Outcome;
import org.aftercare.triage.Resolution;
import org.aftercare.triage.Seriousness;
import org.aftercare.web.Languages;

/**
 * Seeds a demo clinic (and a second one, to show that clinics never see each other) on
 * the local run, once. Never active in production: it needs
 * {@code aftercare.demo-data=true}, which only the local profile sets.
 *
 * <p>
 * The demo clinic gets eight weeks of history ({@link DemoHistory}): forty treatments by
 * its two injectors with three products, each answered within two days (most with "no new
 * symptoms"), their flags resolved by the injector; one injector's headaches stand out as
 * a signal on the analytics page. Then today's patients, whose flags are open in the
 * queue: Maria, James, Aiko, and Lucía, whose pages are in Spanish (her login's
 * language). The history is seeded through the app's own services with the clock standing
 * at each moment ({@link DemoClock}), in the order it happened.
 */
@Component
@ConditionalOnBooleanProperty("aftercare.demo-data")
class DemoData implements ApplicationRunner {

	static final String DEMO_CLINIC = "Demo Clinic";

	static final String OTHER_CLINIC = "Harbour Aesthetics";

	/** One shared demo password, long enough for the password rules; printed on start. */
	static final String PASSWORD = "aftercare-demo-2026";

	static final List<String> LOGINS = List.of("admin@demo.aftercare.test (ADMIN)",
			"ana.lee@demo.aftercare.test (CLINICIAN, injector)", "sam.patel@demo.aftercare.test (CLINICIAN, injector)",
			"maria.gomez@demo.aftercare.test (PATIENT)", "james.oconnor@demo.aftercare.test (PATIENT)",
			"aiko.tanaka@demo.aftercare.test (PATIENT)",
			"lucia.fernandez@demo.aftercare.test (PATIENT, speaks Spanish)",
			"nurse@harbour.aftercare.test (CLINICIAN, other clinic)",
			"lena.fischer@harbour.aftercare.test (PATIENT, other clinic)");

	/** Lucía's language: her pages and e-mails. */
	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final ClinicService clinics;

	private final AccountService accounts;

	private final PatientService patients;

	private final TreatmentService treatments;

	private final ReportService reports;

	private final FlagReview flagReview;

	private final DemoClock clock;

	private final TransactionTemplate transaction;

	private final EntityManager entityManager;

	/** The flags raised for each patient while the history is seeded. */
	private final Map<PatientId, List<FlagId>> raised = new HashMap<>();

	DemoData(ClinicService clinics, AccountService accounts, PatientService patients, TreatmentService treatments,
			ReportService reports, FlagReview flagReview, DemoClock clock, PlatformTransactionManager transactions,
			EntityManager entityManager) {
		this.clinics = clinics;
		this.accounts = accounts;
		this.patients = patients;
		this.treatments = treatments;
		this.reports = reports;
		this.flagReview = flagReview;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.entityManager = entityManager;
	}

	/**
	 * Whether this start is seeding: the flags raised afterwards are none of its
	 * business.
	 */
	private volatile boolean seeding;

	/** Raised in the report's own transaction, as it is saved. */
	@EventListener
	void on(FlagRaised flag) {
		if (this.seeding) {
			this.raised.computeIfAbsent(flag.patientId(), (patient) -> new ArrayList<>()).add(flag.flagId());
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		// Two clinics, made before anyone signs in to either.
		ClinicScope.acrossClinics(ClinicScope.Reason.DEMO_DATA, () -> {
			// All or nothing: a first start stopped half-way (Ctrl-C while seeding)
			// leaves no demo clinic, so the next start seeds it whole instead of
			// finding half of it.
			this.transaction.executeWithoutResult((status) -> {
				if (this.clinics.findByName(DEMO_CLINIC).isEmpty()) {
					long started = System.nanoTime();
					this.seeding = true;
					try {
						seed();
					}
					finally {
						this.seeding = false;
						this.raised.clear();
						this.clock.release();
					}
					log.info("Seeded the demo clinics in {} ms", (System.nanoTime() - started) / 1_000_000);
				}
			});
		});
		StringBuilder text = new StringBuilder("\n\n  Aftercare demo logins (password for all: ").append(PASSWORD)
			.append(")\n");
		LOGINS.forEach((login) -> text.append("    ").append(login).append('\n'));
		log.info(text.toString());
	}

	private void seed() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		// The clinic and its staff exist before the first treatment of the history.
		this.clock.standAt(now.minus(DemoHistory.WEEKS).minus(Duration.ofDays(7)));
		ClinicId demo = this.clinics.create(DEMO_CLINIC, "+44 20 7946 0000", "999", "Europe/London");
		this.accounts.create(demo, "admin@demo.aftercare.test", PASSWORD, Role.ADMIN, "Clinic Admin", null);
		AccountId lee = this.accounts.create(demo, "ana.lee@demo.aftercare.test", PASSWORD, Role.CLINICIAN,
				"Dr Ana Lee", null);
		AccountId patel = this.accounts.create(demo, "sam.patel@demo.aftercare.test", PASSWORD, Role.CLINICIAN,
				"Sam Patel RN", null);

		PatientId maria = patient(demo, "Maria", "Gomez", "maria.gomez@demo.aftercare.test", LocalDate.of(1985, 4, 12),
				false, true, 2);
		PatientId james = patient(demo, "James", "O'Connor", "james.oconnor@demo.aftercare.test",
				LocalDate.of(1972, 9, 3), true, false, null);
		PatientId aiko = patient(demo, "Aiko", "Tanaka", "aiko.tanaka@demo.aftercare.test", LocalDate.of(1990, 1, 25),
				false, false, null);
		PatientId lucia = patient(demo, "Lucía", "Fernández", "lucia.fernandez@demo.aftercare.test",
				LocalDate.of(1988, 11, 2), false, false, null, SPANISH);

		history(demo, clinician(demo, lee, "ana.lee@demo.aftercare.test", "Dr Ana Lee"),
				clinician(demo, patel, "sam.patel@demo.aftercare.test", "Sam Patel RN"), now);

		// Today's patients, at today's time: their flags are the open ones in the queue.
		this.clock.release();

		treat(demo, maria, lee, Product.ONABOTULINUMTOXINA, now.minus(Duration.ofDays(3)),
				List.of(new AreaUnits(Area.GLABELLAR_LINES, new BigDecimal("20")),
						new AreaUnits(Area.FOREHEAD, new BigDecimal("10"))));
		treat(demo, james, patel, Product.ABOBOTULINUMTOXINA, now.minus(Duration.ofDays(5)),
				List.of(new AreaUnits(Area.CROWS_FEET, new BigDecimal("60")),
						new AreaUnits(Area.BUNNY_LINES, new BigDecimal("10"))));
		treat(demo, aiko, lee, Product.INCOBOTULINUMTOXINA, now.minus(Duration.ofDays(2)),
				List.of(new AreaUnits(Area.FOREHEAD, new BigDecimal("12"))));

		report(demo, maria, entry(Symptom.HEADACHE, 4, now.minus(Duration.ofDays(3)).plus(Duration.ofHours(5)), true),
				"Dull ache across the forehead since the evening of the treatment.");
		report(demo, james, entry(Symptom.BRUISING, 2, now.minus(Duration.ofDays(5)).plus(Duration.ofHours(1)), true),
				null);
		// A few that need a clinician: a drooping eyelid on day 4 (R9), and double vision
		// (R1, EMERGENCY).
		report(demo, maria, entry(Symptom.EYELID_DROOP, 3, now.minus(Duration.ofHours(20)), true),
				"My left eyelid looks heavier since yesterday.");
		report(demo, james, entry(Symptom.DOUBLE_OR_BLURRED_VISION, 5, now.minus(Duration.ofHours(2)), true), null);
		report(demo, aiko, entry(Symptom.INJECTION_SITE_PAIN, 3,
				now.minus(Duration.ofDays(2)).plus(Duration.ofHours(1)), false, now.minus(Duration.ofDays(1))), null);
		lucia(demo, lucia, lee, now);

		ClinicId harbour = this.clinics.create(OTHER_CLINIC, "+1 206 555 0100", "911", "America/Los_Angeles");
		AccountId nurse = this.accounts.create(harbour, "nurse@harbour.aftercare.test", PASSWORD, Role.CLINICIAN,
				"Harbour Nurse", null);
		PatientId lena = patient(harbour, "Lena", "Fischer", "lena.fischer@harbour.aftercare.test",
				LocalDate.of(1979, 6, 30), false, false, null);
		treat(harbour, lena, nurse, Product.DAXIBOTULINUMTOXINA, now.minus(Duration.ofDays(4)),
				List.of(new AreaUnits(Area.GLABELLAR_LINES, new BigDecimal("40"))));
		report(harbour, lena, entry(Symptom.SWELLING, 3, now.minus(Duration.ofDays(4)).plus(Duration.ofHours(2)), true),
				"Only at the injection points.");
	}

	/**
	 * Eight weeks of treatments and their answers, run in time order with the clock
	 * standing at each step; the check-ins nobody answered were reminded when they fell
	 * due (so the reminder job finds nothing of the past to send).
	 */
	private void history(ClinicId clinic, CurrentUser lee, CurrentUser patel, Instant now) {
		List<DemoHistory.Step> steps = new ArrayList<>();
		Set<PatientId> patients = new HashSet<>();
		List<DemoHistory.Case> cases = DemoHistory.cases(now);
		for (int i = 0; i < cases.size(); i++) {
			DemoHistory.Case c = cases.get(i);
			CurrentUser injector = c.byLee() ? lee : patel;
			PatientId[] patient = new PatientId[1];
			steps.add(new DemoHistory.Step(c.treatedAt().minus(Duration.ofMinutes(30)), () -> {
				patient[0] = this.patients.enrol(clinic, DemoHistory.intake(c.number()));
				patients.add(patient[0]);
			}));
			steps.add(new DemoHistory.Step(c.treatedAt(), () -> treat(clinic, patient[0],
					new AccountId(injector.accountId()), c.product(), c.treatedAt(), c.areas())));
			steps.add(new DemoHistory.Step(c.reportedAt(), () -> this.reports
				.submit(NewReport.of(clinic, patient[0], UUID.randomUUID(), c.entries(), c.notes()))));
			if (c.resolution() != null) {
				steps.add(new DemoHistory.Step(c.reportedAt().plus(Duration.ofHours(20)), () -> {
					for (FlagId flag : this.raised.getOrDefault(patient[0], List.of())) {
						this.flagReview.resolveAsItStands(injector, flag, c.resolution());
					}
				}));
			}
		}
		steps.sort(Comparator.comparing(DemoHistory.Step::at));
		for (DemoHistory.Step step : steps) {
			this.clock.standAt(step.at());
			step.action().run();
			// Written now, in the order it happened: the ids join tables by plain
			// columns, so Hibernate, which orders a flush's inserts by entity, would not
			// know that a treatment needs its patient first.
			this.entityManager.flush();
		}
		this.clock.standAt(now);
		for (DueCheckIn due : this.treatments.dueCheckIns(now, 10_000)) {
			if (patients.contains(due.patientId())) {
				this.treatments.markReminded(clinic, due.id(), due.dueAt());
			}
		}
	}

	/**
	 * Lucía: Xeomin on the forehead six days ago; a headache from that evening that eases
	 * over the next days, then a check-in with nothing new. Her words are her own.
	 */
	private void lucia(ClinicId clinic, PatientId lucia, AccountId injector, Instant now) {
		Instant treated = now.minus(Duration.ofDays(6));
		this.clock.standAt(treated);
		treat(clinic, lucia, injector, Product.INCOBOTULINUMTOXINA, treated,
				List.of(new AreaUnits(Area.FOREHEAD, new BigDecimal("10")),
						new AreaUnits(Area.GLABELLAR_LINES, new BigDecimal("20"))));
		Instant headache = treated.plus(Duration.ofHours(7));
		this.clock.standAt(treated.plus(Duration.ofHours(20)));
		ReportId first = this.reports.submit(
				NewReport.of(clinic, lucia, UUID.randomUUID(), List.of(headacheEntry(5, headache, true, null, null)),
						"Me duele la frente desde la tarde del tratamiento."));
		UUID entry = this.reports.findForPatient(clinic, lucia, first).orElseThrow().entries().get(0).id();
		// Her update of that headache, as the recovery page's "update" sends it.
		this.clock.standAt(treated.plus(Duration.ofDays(3)));
		this.reports.submit(NewReport.of(clinic, lucia, UUID.randomUUID(),
				List.of(headacheEntry(2, headache, false, treated.plus(Duration.ofDays(2).plusHours(18)), entry)),
				"Ya casi no me duele."));
		// Her injector calls her back and closes the flag of her first report.
		this.clock.standAt(treated.plus(Duration.ofDays(3)).plus(Duration.ofHours(3)));
		for (FlagId flag : this.raised.getOrDefault(lucia, List.of())) {
			this.flagReview.resolveAsItStands(clinician(clinic, injector, "ana.lee@demo.aftercare.test", "Dr Ana Lee"),
					flag, new Resolution(Outcome.RESOLVING, Causality.PROBABLE, Seriousness.NON_SERIOUS, null,
							"Called her: easing with paracetamol, as expected after a first treatment."));
		}
		this.clock.standAt(treated.plus(Duration.ofDays(5)));
		this.reports.submit(NewReport.of(clinic, lucia, UUID.randomUUID(), List.of(), null));
		this.clock.release();
	}

	private static NewEntry headacheEntry(int severity, Instant started, boolean ongoing, Instant stopped,
			UUID updates) {
		return new NewEntry(Symptom.HEADACHE, null, severity, 1, started, ongoing, stopped, false, false, false,
				updates);
	}

	private static CurrentUser clinician(ClinicId clinic, AccountId account, String email, String name) {
		return new CurrentUser(account.value(), clinic.value(), null, email, name, Role.CLINICIAN, "Europe/London",
				null, true);
	}

	private PatientId patient(ClinicId clinic, String given, String family, String email, LocalDate born,
			boolean hypertension, boolean migraine, Integer headacheDays) {
		return patient(clinic, given, family, email, born, hypertension, migraine, headacheDays, Languages.DEFAULT);
	}

	/** A patient and their login, whose pages and e-mails are in {@code language}. */
	private PatientId patient(ClinicId clinic, String given, String family, String email, LocalDate born,
			boolean hypertension, boolean migraine, Integer headacheDays, Locale language) {
		PatientId id = this.patients.enrol(clinic, new Intake(given, family, born, email, null, hypertension, migraine,
				headacheDays, false, false, false, false, false, false, false, false, false, null, null));
		// The account module sits below the patient module: it links a login to a
		// patient record by the record's plain id.
		this.accounts.create(clinic, email, PASSWORD, Role.PATIENT, given + " " + family, id.value(), language);
		return id;
	}

	private void treat(ClinicId clinic, PatientId patient, AccountId injector, Product product, Instant at,
			List<AreaUnits> areas) {
		this.treatments.record(clinic, new NewTreatment(patient, product, "DEMO-" + at.getEpochSecond() % 10000,
				injector, at, Indication.COSMETIC, true, areas));
	}

	private static NewEntry entry(Symptom symptom, int severity, Instant started, boolean ongoing) {
		return entry(symptom, severity, started, ongoing, null);
	}

	private static NewEntry entry(Symptom symptom, int severity, Instant started, boolean ongoing, Instant stopped) {
		return new NewEntry(symptom, null, severity, null, started, ongoing, stopped, null, null, null, null);
	}

	private void report(ClinicId clinic, PatientId patient, NewEntry entry, String notes) {
		this.reports.submit(NewReport.of(clinic, patient, UUID.randomUUID(), List.of(entry), notes));
	}

}
