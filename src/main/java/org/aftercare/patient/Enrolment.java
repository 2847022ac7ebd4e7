package org.aftercare.patient;

import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.account.AccountService;
import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.security.ClinicId;
import org.aftercare.security.Role;

/**
 * Enrols a patient and invites them to set a password, in one transaction: a patient
 * record never exists without its login, nor a login without its audit record.
 */
@Service
class Enrolment {

	private final PatientService patients;

	private final AccountService accounts;

	private final AuditLog audit;

	Enrolment(PatientService patients, AccountService accounts, AuditLog audit) {
		this.patients = patients;
		this.accounts = accounts;
		this.audit = audit;
	}

	/**
	 * Returns the new patient's id. The invitation, and the patient's pages and e-mails
	 * after it, are in {@code language}.
	 */
	@Transactional
	UUID enrol(ClinicId clinicId, Intake intake, Locale language) {
		UUID patientId = this.patients.enrol(clinicId, intake).value();
		this.accounts.invite(clinicId, intake.email(), intake.fullName(), Role.PATIENT, patientId, language);
		this.audit
			.record(new AuditEvent(clinicId, patientId, AuditAction.PATIENT_ENROLLED, "patient", patientId, null));
		return patientId;
	}

}
