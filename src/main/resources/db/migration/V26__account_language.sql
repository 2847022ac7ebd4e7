-- The language a patient reads the app and their e-mails in, as a language tag ("en", "es"): set by the clinician at
-- enrolment, changed by the patient with the language switch. Staff pages are English whatever it says. Existing
-- logins had every page and e-mail in English, so they keep English. Which tags are allowed is the application's
-- list (one messages_xx.properties file per language), not a constraint here, so that a language is added without
-- a migration.
ALTER TABLE user_account ADD COLUMN language VARCHAR(35) NOT NULL DEFAULT 'en';

-- A patient's login by patient: the patient list, the patient and flag pages and every report's triage read the
-- patient's language with the patient record (PatientService.find), and the account module finds a patient's login
-- this way too; without it each lookup read all of the clinic's logins.
CREATE INDEX user_account_patient_idx ON user_account (clinic_id, patient_id) WHERE patient_id IS NOT NULL;
