-- The review workflow of a flag: who did what and when, and what the clinician concluded (CLINICAL.md section 7).

ALTER TABLE flag
    ADD COLUMN outcome              VARCHAR(30),
    ADD COLUMN causality            VARCHAR(30),
    ADD COLUMN seriousness          VARCHAR(20),
    ADD COLUMN seriousness_criteria VARCHAR(200),
    ADD COLUMN resolution_note      VARCHAR(2000),
    ADD COLUMN last_action_at       TIMESTAMPTZ;

CREATE TABLE flag_action (
    id          UUID          NOT NULL,
    clinic_id   UUID          NOT NULL,
    flag_id     UUID          NOT NULL,
    actor_id    UUID          NOT NULL,
    action      VARCHAR(30)   NOT NULL,
    detail      VARCHAR(2000),
    occurred_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, flag_id) REFERENCES flag (clinic_id, id)
);
CREATE INDEX flag_action_flag_idx ON flag_action (clinic_id, flag_id, occurred_at);

-- The queue's order (EMERGENCY, HIGH, MEDIUM, then oldest first) as an indexable column, for keyset pages.
ALTER TABLE flag
    ADD COLUMN priority_rank SMALLINT GENERATED ALWAYS AS (
        CASE priority WHEN 'EMERGENCY' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END) STORED;
CREATE INDEX flag_open_queue_idx ON flag (clinic_id, priority_rank, raised_at, id) WHERE status <> 'RESOLVED';
CREATE INDEX flag_resolved_queue_idx ON flag (clinic_id, resolved_at DESC, id) WHERE status = 'RESOLVED';
CREATE INDEX flag_acknowledged_by_idx ON flag (clinic_id, acknowledged_by) WHERE status <> 'RESOLVED';
CREATE INDEX flag_last_raised_idx ON flag (clinic_id, last_raised_at);
