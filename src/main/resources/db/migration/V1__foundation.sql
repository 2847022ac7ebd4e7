-- Aftercare foundation schema.
-- Every table that holds clinic data carries clinic_id, and its primary and foreign keys include it, so that
-- clinic_id can become a distribution column (Citus) without changing keys, and so that a row can never point
-- at another clinic's row.

CREATE TABLE clinic (
    id               UUID         NOT NULL PRIMARY KEY,
    name             VARCHAR(120) NOT NULL,
    phone            VARCHAR(40)  NOT NULL,
    emergency_number VARCHAR(20)  NOT NULL,
    time_zone        VARCHAR(64)  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    version          BIGINT       NOT NULL
);

CREATE TABLE user_account (
    id            UUID         NOT NULL,
    clinic_id     UUID         NOT NULL REFERENCES clinic (id),
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(255),
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('PATIENT', 'CLINICIAN', 'ADMIN')),
    display_name  VARCHAR(120) NOT NULL,
    patient_id    UUID,
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL,
    PRIMARY KEY (clinic_id, id)
);
-- Login is by e-mail alone, so an address names one account across all clinics.
CREATE UNIQUE INDEX user_account_email_uk ON user_account (lower(email));
CREATE UNIQUE INDEX user_account_id_uk ON user_account (id);

CREATE TABLE patient (
    id                        UUID          NOT NULL,
    clinic_id                 UUID          NOT NULL REFERENCES clinic (id),
    given_name                VARCHAR(80)   NOT NULL,
    family_name               VARCHAR(80)   NOT NULL,
    date_of_birth             DATE          NOT NULL,
    email                     VARCHAR(254)  NOT NULL,
    phone                     VARCHAR(40),
    hypertension              BOOLEAN       NOT NULL DEFAULT FALSE,
    migraine_history          BOOLEAN       NOT NULL DEFAULT FALSE,
    baseline_headache_days    SMALLINT CHECK (baseline_headache_days BETWEEN 0 AND 31),
    neuromuscular_disease     BOOLEAN       NOT NULL DEFAULT FALSE,
    breathing_swallowing_bleeding_problems BOOLEAN NOT NULL DEFAULT FALSE,
    toxin_in_last_4_months    BOOLEAN       NOT NULL DEFAULT FALSE,
    recent_aminoglycosides    BOOLEAN       NOT NULL DEFAULT FALSE,
    earlier_facial_surgery    BOOLEAN       NOT NULL DEFAULT FALSE,
    existing_eyelid_droop     BOOLEAN       NOT NULL DEFAULT FALSE,
    pregnant_or_breastfeeding BOOLEAN       NOT NULL DEFAULT FALSE,
    product_allergy           BOOLEAN       NOT NULL DEFAULT FALSE,
    cows_milk_allergy         BOOLEAN       NOT NULL DEFAULT FALSE,
    current_medicines         VARCHAR(1000),
    concerns                  VARCHAR(2000),
    created_at                TIMESTAMPTZ   NOT NULL,
    version                   BIGINT        NOT NULL,
    PRIMARY KEY (clinic_id, id)
);
CREATE UNIQUE INDEX patient_id_uk ON patient (id);
CREATE INDEX patient_clinic_name_idx ON patient (clinic_id, family_name, given_name);

ALTER TABLE user_account
    ADD CONSTRAINT user_account_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);

CREATE TABLE treatment (
    id              UUID        NOT NULL,
    clinic_id       UUID        NOT NULL,
    patient_id      UUID        NOT NULL,
    product         VARCHAR(40) NOT NULL,
    lot_number      VARCHAR(40),
    injector_id     UUID        NOT NULL,
    treated_at      TIMESTAMPTZ NOT NULL,
    indication      VARCHAR(16) NOT NULL CHECK (indication IN ('COSMETIC', 'MEDICAL')),
    intake_reviewed BOOLEAN     NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id),
    FOREIGN KEY (clinic_id, injector_id) REFERENCES user_account (clinic_id, id)
);
CREATE UNIQUE INDEX treatment_id_uk ON treatment (id);
CREATE INDEX treatment_patient_idx ON treatment (clinic_id, patient_id, treated_at DESC);

CREATE TABLE treatment_area (
    id           UUID         NOT NULL,
    clinic_id    UUID         NOT NULL,
    treatment_id UUID         NOT NULL,
    area         VARCHAR(30)  NOT NULL,
    units        NUMERIC(6, 1) NOT NULL CHECK (units > 0),
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, treatment_id) REFERENCES treatment (clinic_id, id)
);
CREATE INDEX treatment_area_treatment_idx ON treatment_area (clinic_id, treatment_id);

CREATE TABLE symptom_report (
    id                   UUID          NOT NULL,
    clinic_id            UUID          NOT NULL,
    patient_id           UUID          NOT NULL,
    treatment_id         UUID          NOT NULL,
    form_token           UUID          NOT NULL,
    submitted_at         TIMESTAMPTZ   NOT NULL,
    no_new_symptoms      BOOLEAN       NOT NULL DEFAULT FALSE,
    other_causes         VARCHAR(200),
    medicines            VARCHAR(500),
    medicines_helped     VARCHAR(10),
    went_to_emergency    BOOLEAN       NOT NULL DEFAULT FALSE,
    admitted_to_hospital BOOLEAN       NOT NULL DEFAULT FALSE,
    notes                VARCHAR(2000),
    version              BIGINT        NOT NULL,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id),
    FOREIGN KEY (clinic_id, treatment_id) REFERENCES treatment (clinic_id, id)
);
-- One report per one-time form token: a double click or a resubmit cannot create a second report.
CREATE UNIQUE INDEX symptom_report_form_token_uk ON symptom_report (clinic_id, form_token);
CREATE UNIQUE INDEX symptom_report_id_uk ON symptom_report (id);
CREATE INDEX symptom_report_clinic_time_idx ON symptom_report (clinic_id, submitted_at DESC, id DESC);
CREATE INDEX symptom_report_patient_time_idx ON symptom_report (clinic_id, patient_id, submitted_at DESC);
CREATE INDEX symptom_report_treatment_idx ON symptom_report (clinic_id, treatment_id, submitted_at);

CREATE TABLE symptom_entry (
    id                   UUID         NOT NULL,
    clinic_id            UUID         NOT NULL,
    report_id            UUID         NOT NULL,
    symptom              VARCHAR(40)  NOT NULL,
    other_description    VARCHAR(200),
    severity             SMALLINT CHECK (severity BETWEEN 0 AND 10),
    interference         SMALLINT CHECK (interference BETWEEN 0 AND 4),
    started_at           TIMESTAMPTZ  NOT NULL,
    ongoing              BOOLEAN      NOT NULL,
    stopped_at           TIMESTAMPTZ,
    pre_existing         BOOLEAN      NOT NULL DEFAULT FALSE,
    sudden_worst_ever    BOOLEAN,
    fever_or_stiff_neck  BOOLEAN,
    neurological_signs   BOOLEAN,
    updates_entry_id     UUID,
    position             SMALLINT     NOT NULL,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, report_id) REFERENCES symptom_report (clinic_id, id),
    CHECK (stopped_at IS NULL OR stopped_at >= started_at)
);
CREATE INDEX symptom_entry_report_idx ON symptom_entry (clinic_id, report_id, position);

-- Spring Session JDBC (sessions live in PostgreSQL so that any instance can serve any request).
CREATE TABLE spring_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- Spring Modulith's durable event publication registry (schema v2 of spring-modulith-events-jdbc).
CREATE TABLE event_publication (
    id                     UUID        NOT NULL PRIMARY KEY,
    listener_id            TEXT        NOT NULL,
    event_type             TEXT        NOT NULL,
    serialized_event       TEXT        NOT NULL,
    publication_date       TIMESTAMPTZ NOT NULL,
    completion_date        TIMESTAMPTZ,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMPTZ
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
