-- A tamper-evident audit trail: each clinic's events form a hash chain (row_hash covers the row and the
-- previous row's hash), so an edit or a deletion made behind the application's back shows up on verification.

ALTER TABLE audit_event
    ADD COLUMN seq       BIGINT,
    ADD COLUMN prev_hash VARCHAR(64),
    ADD COLUMN row_hash  VARCHAR(64);

CREATE SEQUENCE audit_event_seq;
ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete;
UPDATE audit_event SET seq = nextval('audit_event_seq') WHERE seq IS NULL;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete;
ALTER TABLE audit_event ALTER COLUMN seq SET NOT NULL;
ALTER TABLE audit_event ALTER COLUMN seq SET DEFAULT nextval('audit_event_seq');
CREATE UNIQUE INDEX audit_event_chain_idx ON audit_event (clinic_id, seq);
CREATE INDEX audit_event_actor_idx ON audit_event (clinic_id, actor_id, occurred_at DESC);
CREATE INDEX audit_event_action_idx ON audit_event (clinic_id, action, occurred_at DESC);
