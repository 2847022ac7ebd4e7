-- Analytics (CLINICAL.md section 6) starts from the clinic's treatments in a period; the covering columns let the
-- planner read them from the index alone. Each treatment's reports are then probed through
-- symptom_report_treatment_idx (clinic_id, treatment_id, submitted_at) and their entries through
-- symptom_entry_report_idx.
CREATE INDEX treatment_clinic_time_idx ON treatment (clinic_id, treated_at) INCLUDE (id, product, injector_id);
