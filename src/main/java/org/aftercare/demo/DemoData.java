package org.aftercare.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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
import org.aftercare.report.ReportService;
import org.aftercare.report.NewEntry;
import org.aftercare.report.Symptom;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.security.Role;
import org.aftercare.treatment.Area;
import org.aftercare.treatment.Indication;
import org.aftercare.treatment.NewTreatment;
import org.aftercare.treatment.Product;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.AreaUnits;

/**
 * Seeds a demo clinic (and a second one, to show that clinics never see each other) on
 * the local run, once. Never active in production: it needs
 * {@code aftercare.demo-data=true}, which only the local profile sets.
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
			"aiko.tanaka@demo.aftercare.test (PATIENT)", "nurse@harbour.aftercare.test (CLINICIAN, other clinic)",
			"lena.fischer@harbour.aftercare.test (PATIENT, other clinic)");

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final ClinicService clinics;

	private final AccountService accounts;

	private final PatientService patients;

	private final TreatmentService treatments;

	private final ReportService reports;

	private final Clock clock;

	private final TransactionTemplate transaction;

	DemoData(ClinicService clinics, AccountService accounts, PatientService patients, TreatmentService treatments,
			ReportService reports, Clock clock, PlatformTransactionManager transactions) {
		this.clinics = clinics;
		this.accounts = accounts;
		this.patients = patients;
		this.treatments = treatments;
		this.reports = reports;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
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
					seed();
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

		ClinicId harbour = this.clinics.create(OTHER_CLINIC, "+1 206 555 0100", "911", "America/Los_Angeles");
		AccountId nurse = this.accounts.create(harbour, "nurse@harbour.aftercare.test", PASSWORD, Role.CLINICIAN,
				"Harbour Nurse", null);
		PatientId lena = patient(harbour, "Lena", "Fischer", "lena.fischer@harbour.aftercare.test",
				LocalDate.of(1979, 6, 30), false, false, null);
		treat(harbour, lena, nurse, Product.DAXIBOTULINUMTOXINA, now.minus(Duration.ofDays(4)),
				List.of(new AreaUnits(Area.GLABELLAR_LINES, new BigDecimal("40"))));
		report(harbour, lena, entry(Symptom.SWELLING, 3, now.minus(Duration.ofDays(4)).plus(Duration.ofHours(2)), true),
				"Only at the injection points.");
		log.info("Seeded the demo clinics");
	}

	private PatientId patient(ClinicId clinic, String given, String family, String email, LocalDate born,
			boolean hypertension, boolean migraine, Integer headacheDays) {
		PatientId id = this.patients.enrol(clinic, new Intake(given, family, born, email, null, hypertension, migraine,
				headacheDays, false, false, false, false, false, false, false, false, false, null, null));
		// The account module sits below the patient module: it links a login to a
		// patient record by the record's plain id.
		this.accounts.create(clinic, email, PASSWORD, Role.PATIENT, given + " " + family, id.value());
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
