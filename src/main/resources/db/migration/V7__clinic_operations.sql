-- Clinic operations: invitations, the aftercare sheet, the check-in schedule and the clinic's on-call addresses.

ALTER TABLE clinic
    ADD COLUMN aftercare_sheet  VARCHAR(8000),
    ADD COLUMN on_call_emails   VARCHAR(1000),
    ADD COLUMN check_in_offsets VARCHAR(200) NOT NULL DEFAULT 'PT2H,P1D,P3D,P7D,P14D';

ALTER TABLE treatment
    ADD COLUMN aftercare_confirmed_at TIMESTAMPTZ;

-- One row per scheduled "How are you today?" of a treatment episode.
CREATE TABLE check_in (
    id               UUID        NOT NULL,
    clinic_id        UUID        NOT NULL,
    patient_id       UUID        NOT NULL,
    treatment_id     UUID        NOT NULL,
    due_at           TIMESTAMPTZ NOT NULL,
    offset_label     VARCHAR(20) NOT NULL,
    reminded_at      TIMESTAMPTZ,
    answered_at      TIMESTAMPTZ,
    answer_report_id UUID,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, treatment_id) REFERENCES treatment (clinic_id, id),
    FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id)
);
CREATE UNIQUE INDEX check_in_id_uk ON check_in (id);
CREATE INDEX check_in_treatment_idx ON check_in (clinic_id, treatment_id, due_at);
-- The reminder job: due, not yet reminded, not yet answered.
CREATE INDEX check_in_due_idx ON check_in (due_at) WHERE reminded_at IS NULL AND answered_at IS NULL;

-- One-time invitation links: only a hash of the token is stored.
CREATE TABLE invitation (
    id          UUID        NOT NULL,
    clinic_id   UUID        NOT NULL,
    account_id  UUID        NOT NULL,
    token_hash  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, account_id) REFERENCES user_account (clinic_id, id)
);
CREATE UNIQUE INDEX invitation_token_uk ON invitation (token_hash);
CREATE INDEX invitation_account_idx ON invitation (clinic_id, account_id, created_at DESC);
