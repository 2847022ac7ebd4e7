-- The clinician's patient list and patient page.

-- The list: a clinic's patients by name, keyset-paginated on (family_name, given_name, id). The search by name
-- (ILIKE '%...%') cannot use a b-tree; it filters this index's range of one clinic, which stays small.
CREATE INDEX patient_clinic_name_id_idx ON patient (clinic_id, family_name, given_name, id);
DROP INDEX patient_clinic_name_idx;

-- The patient page: every flag of one patient, newest first. (Open flags per patient, for the list, come from
-- flag_one_open_uk (clinic_id, patient_id, ...) WHERE status <> 'RESOLVED'; treatments per patient from
-- treatment_patient_idx; reports from symptom_report_patient_time_idx.)
CREATE INDEX flag_patient_idx ON flag (clinic_id, patient_id, raised_at DESC);
