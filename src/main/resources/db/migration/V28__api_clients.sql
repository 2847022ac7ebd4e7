-- Read-only clients of the FHIR API (interop): each belongs to one clinic and holds a bearer token of which only the
-- SHA-256 is kept. A token is 256 random bits, so a plain digest is as strong as a slow hash would be, and it lets
-- the lookup be one index probe.
CREATE TABLE api_client (
    id           UUID         NOT NULL,
    clinic_id    UUID         NOT NULL REFERENCES clinic (id),
    name         VARCHAR(80)  NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   UUID         NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    revoked_by   UUID,
    version      BIGINT       NOT NULL,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, created_by) REFERENCES user_account (clinic_id, id)
);
CREATE UNIQUE INDEX api_client_token_uk ON api_client (token_hash);
CREATE UNIQUE INDEX api_client_id_uk ON api_client (id);

ALTER TABLE api_client ENABLE ROW LEVEL SECURITY;
CREATE POLICY api_client_clinic_isolation ON api_client TO ${app_role}
    USING (CASE WHEN current_setting('app.all_clinics', true) = 'on' THEN true
                ELSE clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid END)
    WITH CHECK (CASE WHEN current_setting('app.all_clinics', true) = 'on' THEN true
                     ELSE clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid END);

-- The API's searches by _lastUpdated walk these in order, a page at a time (keyset, never OFFSET). What
-- _lastUpdated means for each resource is in docs/api.md: a patient's and a treatment's record time, a report's
-- submission, a flag's last raise or action.
CREATE INDEX patient_clinic_created_idx ON patient (clinic_id, created_at, id);
CREATE INDEX treatment_clinic_created_idx ON treatment (clinic_id, created_at, id);
CREATE INDEX flag_clinic_last_updated_idx ON flag (clinic_id, (GREATEST(last_raised_at, last_action_at)), id);
