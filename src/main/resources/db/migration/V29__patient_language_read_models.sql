-- Patients' language (V26 keeps it on their login, in the account module) as read models, so that the modules that
-- show it read it like the rest of their rows. The patient list gains a column: added at the end, it leaves the
-- view's other columns as they were, so CREATE OR REPLACE changes the view in place.
CREATE OR REPLACE VIEW read_model.patient_list WITH (security_invoker = true) AS
SELECT p.clinic_id, p.id, p.given_name, p.family_name, p.date_of_birth, lt.treated_at AS latest_treated_at,
       lt.product AS latest_product,
       (SELECT count(*) FROM flag f
         WHERE f.clinic_id = p.clinic_id AND f.patient_id = p.id AND f.status <> 'RESOLVED') AS open_flags,
       (SELECT a.language FROM user_account a
         WHERE a.clinic_id = p.clinic_id AND a.patient_id = p.id LIMIT 1) AS language
  FROM patient p
  LEFT JOIN LATERAL (SELECT t.treated_at, t.product FROM treatment t
                      WHERE t.clinic_id = p.clinic_id AND t.patient_id = p.id
                      ORDER BY t.treated_at DESC LIMIT 1) lt ON TRUE;

-- patient: a patient's language, read with their record (PatientService.find) in the same statement.
CREATE VIEW read_model.patient_language WITH (security_invoker = true) AS
SELECT a.clinic_id, a.patient_id, a.language
  FROM user_account a
 WHERE a.patient_id IS NOT NULL;
