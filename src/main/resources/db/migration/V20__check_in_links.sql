-- Check-in links: each check-in e-mail carries a link that lets its holder answer that one check-in, without
-- signing in. Only the SHA-256 of the link's token is stored.

-- How long after a check-in falls due its link still works, in hours (a clinic setting; CLINICAL.md section 5's
-- check-ins are days apart, so the default of 72 h lets a day-1 link work until day 4).
ALTER TABLE clinic
    ADD COLUMN check_in_link_hours INTEGER NOT NULL DEFAULT 72 CHECK (check_in_link_hours BETWEEN 1 AND 336);

-- A link to one check-in. Several may point at the same check-in (the invitation's, the reminder's, "send me a new
-- link"); each works until its expires_at or until its check-in is answered, whichever way.
CREATE TABLE check_in_link (
    id           UUID        NOT NULL,
    clinic_id    UUID        NOT NULL,
    check_in_id  UUID        NOT NULL,
    patient_id   UUID        NOT NULL,
    treatment_id UUID        NOT NULL,
    token_hash   CHAR(64)    NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, check_in_id) REFERENCES check_in (clinic_id, id),
    FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id)
);
CREATE UNIQUE INDEX check_in_link_token_uk ON check_in_link (token_hash);
CREATE INDEX check_in_link_check_in_idx ON check_in_link (clinic_id, check_in_id);
CREATE INDEX check_in_link_patient_idx ON check_in_link (clinic_id, patient_id);

ALTER TABLE check_in_link ENABLE ROW LEVEL SECURITY;
CREATE POLICY check_in_link_clinic_isolation ON check_in_link TO ${app_role}
    USING (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid
           OR current_setting('app.all_clinics', true) = 'on')
    WITH CHECK (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid
                OR current_setting('app.all_clinics', true) = 'on');

-- Link look-ups that failed (unknown or tampered tokens), by client address, and new links asked for from the
-- page of a link that no longer works, by client address and by patient: what the throttle counts. Shared by all
-- instances, kept a day.
CREATE TABLE check_in_link_attempt (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         VARCHAR(16) NOT NULL CHECK (kind IN ('FAILED', 'NEW_LINK')),
    subject      VARCHAR(64) NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX check_in_link_attempt_idx ON check_in_link_attempt (kind, subject, attempted_at DESC);
