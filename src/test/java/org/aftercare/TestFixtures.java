package org.aftercare;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;

import org.aftercare.account.AccountId;
import org.aftercare.account.AccountService;
import org.aftercare.clinic.ClinicService;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientService;
import org.aftercare.security.ClinicId;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;
import org.aftercare.treatment.Area;
import org.aftercare.treatment.AreaUnits;
import org.aftercare.treatment.Indication;
import org.aftercare.treatment.NewTreatment;
import org.aftercare.treatment.Product;
import org.aftercare.treatment.TreatmentId;
import org.aftercare.treatment.TreatmentService;

/**
 * Builds clinics, staff, patients and treatments through the modules' own services, each
 * with unique names so that tests sharing one database never see each other's data.
 */
@TestComponent
public class TestFixtures {

	public static final String PASSWORD = "correct horse battery staple";

	private static final AtomicInteger counter = new AtomicInteger();

	private final ClinicService clinics;

	private final AccountService accounts;

	private final PatientService patients;

	private final TreatmentService treatments;

	public TestFixtures(ClinicService clinics, AccountService accounts, PatientService patients,
			TreatmentService treatments) {
		this.clinics = clinics;
		this.accounts = accounts;
		this.patients = patients;
		this.treatments = treatments;
	}

	/** A clinic with one clinician and one treated patient. */
	public record World(UUID clinicId, CurrentUser clinician, CurrentUser patient, UUID treatmentId,
			String patientEmail, String clinicianEmail) {

		/** The clinic, as the modules' services take it. */
		public ClinicId clinic() {
			return new ClinicId(this.clinicId);
		}

		/** The patient's record, as the modules' services take it. */
		public PatientId patientId() {
			return new PatientId(this.patient.patientId());
		}

		/** The treatment, as the modules' services take it. */
		public TreatmentId treatment() {
			return new TreatmentId(this.treatmentId);
		}

	}

	public World world(Instant treatedAt) {
		return world(treatedAt, false, false);
	}

	public World world(Instant treatedAt, boolean hypertension, boolean nose) {
		int n = counter.incrementAndGet();
		String suffix = n + "-" + UUID.randomUUID().toString().substring(0, 8);
		UUID clinic = this.clinics.create("Clinic " + suffix, "+44 20 7946 0" + (n % 1000), "999", "Europe/London")
			.value();
		String clinicianEmail = "clinician-" + suffix + "@test.aftercare";
		UUID clinicianId = this.accounts
			.create(new ClinicId(clinic), clinicianEmail, PASSWORD, Role.CLINICIAN, "Dr Test " + n, null)
			.value();
		String patientEmail = "patient-" + suffix + "@test.aftercare";
		UUID patientId = this.patients
			.enrol(new ClinicId(clinic),
					new Intake("Pat" + n, "Ient", LocalDate.of(1980, 1, 1), patientEmail, null, hypertension, false,
							null, false, false, false, false, false, false, false, false, false, null, null))
			.value();
		UUID patientAccount = this.accounts
			.create(new ClinicId(clinic), patientEmail, PASSWORD, Role.PATIENT, "Pat" + n + " Ient", patientId)
			.value();
		UUID treatment = this.treatments
			.record(new ClinicId(clinic),
					new NewTreatment(new PatientId(patientId), Product.ONABOTULINUMTOXINA, "LOT" + n,
							new AccountId(clinicianId), treatedAt, Indication.COSMETIC, true,
							nose ? List.of(new AreaUnits(Area.BUNNY_LINES, new BigDecimal("8")))
									: List.of(new AreaUnits(Area.GLABELLAR_LINES, new BigDecimal("20")))))
			.value();
		CurrentUser clinician = new CurrentUser(clinicianId, clinic, null, clinicianEmail, "Dr Test " + n,
				Role.CLINICIAN, "Europe/London", null, true);
		CurrentUser patient = new CurrentUser(patientAccount, clinic, patientId, patientEmail, "Pat" + n + " Ient",
				Role.PATIENT, "Europe/London", null, true);
		return new World(clinic, clinician, patient, treatment, patientEmail, clinicianEmail);
	}

}
