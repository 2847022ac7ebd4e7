-- Every request for a password reset link, by the SHA-256 of the lower-cased e-mail typed (unknown addresses too)
-- and the client address, with what came of it: a link SENT, nothing sent because a limit was reached (LIMITED),
-- or no active account (UNKNOWN). At most a few links per address and a few dozen requests per client address
-- an hour; the page answers the same in every case. No clinic_id: an unknown address belongs to no clinic (like
-- login_attempt). Rows older than a week are purged.
CREATE TABLE password_reset_request (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email_hash   CHAR(64)    NOT NULL,
    ip           VARCHAR(64) NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    outcome      VARCHAR(10) NOT NULL CHECK (outcome IN ('SENT', 'LIMITED', 'UNKNOWN'))
);
CREATE INDEX password_reset_request_email_idx ON password_reset_request (email_hash, requested_at DESC)
    WHERE outcome = 'SENT';
CREATE INDEX password_reset_request_ip_idx ON password_reset_request (ip, requested_at DESC);
