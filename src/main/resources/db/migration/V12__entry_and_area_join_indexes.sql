-- Hibernate loads a report's entries and a treatment's areas through their @OneToMany join columns alone
-- (symptom_entry.report_id = symptom_report.id, treatment_area.treatment_id = treatment.id), without clinic_id,
-- so the (clinic_id, ...) indexes cannot serve those joins: at 2,000,000 reports every patient history page,
-- flag page, latest-treatment lookup and report submit read the whole symptom_entry or treatment_area table
-- (about 100 ms and 20 ms each; issue 8, docs/benchmarks.md). These indexes serve the joins as the mapping writes
-- them; the clinic filter stays on the owning table.
CREATE INDEX symptom_entry_report_id_idx ON symptom_entry (report_id);
CREATE INDEX treatment_area_treatment_id_idx ON treatment_area (treatment_id);
