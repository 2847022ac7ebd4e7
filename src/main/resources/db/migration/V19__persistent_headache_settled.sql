-- R6 on the clock (issue 8): an episode whose ongoing headache is already flagged at the highest level R6 can ever
-- give it (its "> 7 days" level, with R11's raise where the patient or treatment has the risk factor) cannot
-- produce another R6 flag until the patient reports again. The clock job notes it here with the time of the
-- report it judged, and leaves it out of its candidates until a later headache report comes in. Without this, the
-- tens of thousands of such episodes of a clinic chain (patients rarely come back to say a headache stopped)
-- were examined again every run, 500 a run, and a new persistent headache waited hours for its turn.
CREATE TABLE persistent_headache_settled (
    clinic_id     UUID        NOT NULL,
    treatment_id  UUID        NOT NULL,
    through       TIMESTAMPTZ NOT NULL,
    settled_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (clinic_id, treatment_id),
    FOREIGN KEY (clinic_id, treatment_id) REFERENCES treatment (clinic_id, id)
);

ALTER TABLE persistent_headache_settled ENABLE ROW LEVEL SECURITY;
CREATE POLICY persistent_headache_settled_clinic_isolation ON persistent_headache_settled TO ${app_role}
    USING (CASE WHEN current_setting('app.all_clinics', true) = 'on' THEN true
                ELSE clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid END)
    WITH CHECK (CASE WHEN current_setting('app.all_clinics', true) = 'on' THEN true
                     ELSE clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid END);
