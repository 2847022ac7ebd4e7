-- Patients' rights: a patient asks for their account to be erased, an admin of their clinic decides. On approval
-- the patient's personal data is pseudonymised in place; this row, the audit trail and the de-identified records
-- remain.

CREATE TABLE erasure_request (
    id           UUID        NOT NULL,
    clinic_id    UUID        NOT NULL,
    patient_id   UUID        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    decided_at   TIMESTAMPTZ,
    decided_by   UUID,
    decision     VARCHAR(10) CHECK (decision IN ('APPROVED', 'DECLINED')),
    version      BIGINT      NOT NULL,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id),
    CHECK ((decision IS NULL) = (decided_at IS NULL))
);
CREATE UNIQUE INDEX erasure_request_id_uk ON erasure_request (id);
-- One request waiting per patient: asking twice is the same request.
CREATE UNIQUE INDEX erasure_request_pending_uk ON erasure_request (clinic_id, patient_id) WHERE decision IS NULL;
-- The admin's list: a clinic's waiting requests, oldest first.
CREATE INDEX erasure_request_waiting_idx ON erasure_request (clinic_id, requested_at) WHERE decision IS NULL;
