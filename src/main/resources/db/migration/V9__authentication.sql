-- Authentication: login throttling and lockout, password reset links, two-factor authentication.

-- Every login attempt, by the SHA-256 of the lower-cased e-mail typed (unknown addresses too, so that they are
-- throttled exactly like real ones) and the client address. Shared by all instances.
CREATE TABLE login_attempt (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email_hash   CHAR(64)    NOT NULL,
    ip           VARCHAR(64) NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    success      BOOLEAN     NOT NULL
);
CREATE INDEX login_attempt_email_idx ON login_attempt (email_hash, attempted_at DESC);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, attempted_at DESC) WHERE NOT success;

-- A lock on an e-mail (kind EMAIL, subject = its hash) or a client address (kind IP) until a point in time.
CREATE TABLE login_lock (
    kind         VARCHAR(8)  NOT NULL CHECK (kind IN ('EMAIL', 'IP')),
    subject      VARCHAR(64) NOT NULL,
    locked_until TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, subject)
);

-- One-time password reset links: only a hash of the token is stored.
CREATE TABLE password_reset (
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
CREATE UNIQUE INDEX password_reset_token_uk ON password_reset (token_hash);
CREATE INDEX password_reset_account_idx ON password_reset (clinic_id, account_id);

-- Whether a clinic requires two-factor authentication of its clinicians and admins. No row: not required.
CREATE TABLE clinic_security (
    clinic_id          UUID    NOT NULL PRIMARY KEY REFERENCES clinic (id),
    require_two_factor BOOLEAN NOT NULL
);

-- A staff member's confirmed TOTP secret (RFC 6238). last_step is the last time step a code was accepted for:
-- a code is never accepted twice.
CREATE TABLE two_factor (
    clinic_id    UUID        NOT NULL,
    account_id   UUID        NOT NULL,
    secret       VARCHAR(200) NOT NULL, -- AES-GCM sealed with AFTERCARE_SECRETS_KEY, never stored in clear
    confirmed_at TIMESTAMPTZ NOT NULL,
    last_step    BIGINT      NOT NULL,
    PRIMARY KEY (clinic_id, account_id),
    FOREIGN KEY (clinic_id, account_id) REFERENCES user_account (clinic_id, id)
);
CREATE UNIQUE INDEX two_factor_account_uk ON two_factor (account_id);

-- One-time recovery codes, stored as SHA-256 (each carries 80 random bits).
CREATE TABLE recovery_code (
    clinic_id  UUID        NOT NULL,
    account_id UUID        NOT NULL,
    code_hash  CHAR(64)    NOT NULL,
    used_at    TIMESTAMPTZ,
    PRIMARY KEY (clinic_id, account_id, code_hash),
    FOREIGN KEY (clinic_id, account_id) REFERENCES user_account (clinic_id, id)
);
