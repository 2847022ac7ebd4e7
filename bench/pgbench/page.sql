\set clinic random(1, 100)
SELECT id, patient_id, submitted_at, symptom, severity, notes FROM limit_page WHERE clinic_id = :clinic ORDER BY submitted_at DESC LIMIT 50;
