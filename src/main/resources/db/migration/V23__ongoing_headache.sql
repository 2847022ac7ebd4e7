-- R6 on the clock reads only triage's own tables: each episode whose latest headache entry was still going on when
-- reported, kept by triage as it evaluates each report (written when a report has a headache entry: upserted while
-- the latest headache goes on, deleted once it stopped). The clock job's candidates come from here, with flag and
-- persistent_headache_settled, instead of from the report module's symptom_report and symptom_entry.
CREATE TABLE ongoing_headache (
    clinic_id    UUID        NOT NULL,
    treatment_id UUID        NOT NULL,
    patient_id   UUID        NOT NULL,
    reported_at  TIMESTAMPTZ NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (clinic_id, treatment_id),
    FOREIGN KEY (clinic_id, treatment_id) REFERENCES treatment (clinic_id, id)
);
-- The job's window: only headaches reported within the last episode (12 weeks) are candidates, and rows of older
-- episodes stay behind (patients rarely come back to say a headache stopped), so the live rows are found by their
-- report time; the primary key gives the (clinic, treatment) order of the job's cursor.
CREATE INDEX ongoing_headache_reported_idx ON ongoing_headache (reported_at);
-- An erasure deletes the patient's rows.
CREATE INDEX ongoing_headache_patient_idx ON ongoing_headache (clinic_id, patient_id);

-- Like every clinic table (V16): the app role sees only the rows of the clinic its transaction names.
ALTER TABLE ongoing_headache ENABLE ROW LEVEL SECURITY;
CREATE POLICY ongoing_headache_clinic_isolation ON ongoing_headache TO ${app_role}
    USING (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid
           OR current_setting('app.all_clinics', true) = 'on')
    WITH CHECK (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid
                OR current_setting('app.all_clinics', true) = 'on');

-- Once, from the reports already stored: each episode's latest headache entry (in the order triage reads an episode:
-- reports by time, then id, entries by position) where it was still going on. Only the last 12 weeks' reports can
-- make a candidate.
INSERT INTO ongoing_headache (clinic_id, treatment_id, patient_id, reported_at, started_at)
SELECT clinic_id, treatment_id, patient_id, submitted_at, started_at
  FROM (SELECT DISTINCT ON (r.clinic_id, r.treatment_id) r.clinic_id, r.treatment_id, r.patient_id,
               r.submitted_at, e.started_at, e.ongoing
          FROM symptom_entry e
          JOIN symptom_report r ON r.clinic_id = e.clinic_id AND r.id = e.report_id
         WHERE e.symptom = 'HEADACHE' AND r.submitted_at > now() - INTERVAL '84 days'
         ORDER BY r.clinic_id, r.treatment_id, r.submitted_at DESC, r.id DESC, e.position DESC) latest
 WHERE ongoing;
