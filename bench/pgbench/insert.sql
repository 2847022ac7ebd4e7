\set clinic random(1, 100)
\set patient random(1, 200000)
INSERT INTO limit_insert (id, clinic_id, patient_id, treatment_id, form_token, submitted_at, severity, symptom, ongoing, notes, version)
VALUES (gen_random_uuid(), :clinic, :patient, :patient, gen_random_uuid(), now(), 2, 'HEADACHE', true, NULL, 0);
