-- Triage: per-clinic rule settings, flags with their evidence, and the append-only audit trail.

-- Every "default" of CLINICAL.md section 3, per clinic. A clinic without a row uses the defaults.
CREATE TABLE triage_settings (
    clinic_id                       UUID     NOT NULL PRIMARY KEY REFERENCES clinic (id),
    severe_severity                 SMALLINT NOT NULL CHECK (severe_severity BETWEEN 1 AND 10),
    severe_interference             SMALLINT NOT NULL CHECK (severe_interference BETWEEN 1 AND 4),
    moderate_headache_min           SMALLINT NOT NULL CHECK (moderate_headache_min BETWEEN 1 AND 10),
    moderate_headache_max           SMALLINT NOT NULL CHECK (moderate_headache_max BETWEEN 1 AND 10),
    moderate_interference           SMALLINT NOT NULL CHECK (moderate_interference BETWEEN 1 AND 4),
    mild_transient_days             SMALLINT NOT NULL CHECK (mild_transient_days BETWEEN 1 AND 30),
    persistent_headache_days        SMALLINT NOT NULL CHECK (persistent_headache_days BETWEEN 1 AND 30),
    persistent_headache_high_days   SMALLINT NOT NULL CHECK (persistent_headache_high_days BETWEEN 1 AND 60),
    worsening_points                SMALLINT NOT NULL CHECK (worsening_points BETWEEN 1 AND 10),
    late_onset_hours                SMALLINT NOT NULL CHECK (late_onset_hours BETWEEN 1 AND 720),
    emergency_ack_minutes           SMALLINT NOT NULL CHECK (emergency_ack_minutes BETWEEN 1 AND 240),
    high_ack_minutes                SMALLINT NOT NULL CHECK (high_ack_minutes BETWEEN 1 AND 1440),
    patient_update_hours            SMALLINT NOT NULL CHECK (patient_update_hours BETWEEN 1 AND 336),
    updated_at                      TIMESTAMPTZ NOT NULL,
    version                         BIGINT   NOT NULL
);

CREATE TABLE flag (
    id                      UUID          NOT NULL,
    clinic_id               UUID          NOT NULL,
    patient_id              UUID          NOT NULL,
    treatment_id            UUID          NOT NULL,
    rule_code               VARCHAR(30)   NOT NULL,
    priority                VARCHAR(10)   NOT NULL CHECK (priority IN ('MEDIUM', 'HIGH', 'EMERGENCY')),
    status                  VARCHAR(15)   NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    serious                 BOOLEAN       NOT NULL,
    may_have_other_cause    BOOLEAN       NOT NULL,
    symptoms                VARCHAR(600)  NOT NULL,
    evidence                VARCHAR(2000) NOT NULL,
    source                  VARCHAR(300)  NOT NULL,
    other_causes            VARCHAR(1000),
    raised_at               TIMESTAMPTZ   NOT NULL,
    last_raised_at          TIMESTAMPTZ   NOT NULL,
    last_report_id          UUID,
    acknowledged_at         TIMESTAMPTZ,
    acknowledged_by         UUID,
    follow_up_requested_at  TIMESTAMPTZ,
    last_patient_update_at  TIMESTAMPTZ,
    escalated_at            TIMESTAMPTZ,
    resolved_at             TIMESTAMPTZ,
    resolved_by             UUID,
    version                 BIGINT        NOT NULL,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id),
    FOREIGN KEY (clinic_id, treatment_id) REFERENCES treatment (clinic_id, id)
);
CREATE UNIQUE INDEX flag_id_uk ON flag (id);
-- Fire once: one open (or acknowledged) flag per patient, episode and rule.
CREATE UNIQUE INDEX flag_one_open_uk ON flag (clinic_id, patient_id, treatment_id, rule_code)
    WHERE status <> 'RESOLVED';
-- The queue: open flags of a clinic by priority, then age.
CREATE INDEX flag_queue_idx ON flag (clinic_id, status, priority, raised_at);
-- The R13 job: unacknowledged flags across clinics by age.
CREATE INDEX flag_unacknowledged_idx ON flag (raised_at) WHERE status = 'OPEN';
CREATE INDEX flag_episode_idx ON flag (clinic_id, treatment_id);

-- Each time a report or the clock met a flag's rule: the flag's evidence history.
CREATE TABLE flag_evidence (
    id          UUID          NOT NULL,
    clinic_id   UUID          NOT NULL,
    flag_id     UUID          NOT NULL,
    report_id   UUID,
    rule_code   VARCHAR(30)   NOT NULL,
    priority    VARCHAR(10)   NOT NULL,
    evidence    VARCHAR(2000) NOT NULL,
    may_have_other_cause BOOLEAN NOT NULL,
    recorded_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, flag_id) REFERENCES flag (clinic_id, id)
);
CREATE INDEX flag_evidence_flag_idx ON flag_evidence (clinic_id, flag_id, recorded_at);
CREATE INDEX flag_evidence_report_idx ON flag_evidence (clinic_id, report_id);

-- The audit trail: insert-only (who, what, which patient, when, from where).
CREATE TABLE audit_event (
    id          UUID          NOT NULL,
    clinic_id   UUID          NOT NULL,
    occurred_at TIMESTAMPTZ   NOT NULL,
    actor_id    UUID,
    actor_role  VARCHAR(16),
    patient_id  UUID,
    action      VARCHAR(40)   NOT NULL,
    object_type VARCHAR(40),
    object_id   UUID,
    outcome     VARCHAR(16)   NOT NULL,
    detail      VARCHAR(2000),
    ip          VARCHAR(64),
    PRIMARY KEY (clinic_id, id)
);
CREATE INDEX audit_event_clinic_time_idx ON audit_event (clinic_id, occurred_at DESC);
CREATE INDEX audit_event_patient_idx ON audit_event (clinic_id, patient_id, occurred_at DESC);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
