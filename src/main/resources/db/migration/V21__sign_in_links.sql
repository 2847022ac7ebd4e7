-- Sign-in links e-mailed to patients (Spring Security's one-time-token login, over a table of our own): only the
-- SHA-256 of the token is kept, never the token, so that a copy of the database signs nobody in. A link works once
-- (used_at is set by the one UPDATE that consumes it, which only matches an unused, unexpired link) and for a few
-- minutes (aftercare.sign-in-link.lifetime).
CREATE TABLE sign_in_link (
    id          UUID        NOT NULL,
    clinic_id   UUID        NOT NULL,
    account_id  UUID        NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, account_id) REFERENCES user_account (clinic_id, id)
);
CREATE UNIQUE INDEX sign_in_link_token_uk ON sign_in_link (token_hash);
CREATE INDEX sign_in_link_account_idx ON sign_in_link (clinic_id, account_id);

-- Like every clinic table (V16): the app role sees only the rows of the clinic its transaction names.
ALTER TABLE sign_in_link ENABLE ROW LEVEL SECURITY;
CREATE POLICY sign_in_link_clinic_isolation ON sign_in_link TO ${app_role}
    USING (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid
           OR current_setting('app.all_clinics', true) = 'on')
    WITH CHECK (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid
                OR current_setting('app.all_clinics', true) = 'on');

-- The requests for sign-in links are limited per address and per client address like the password reset's, in the
-- same table, each kind counted on its own. A staff address gets no link (REFUSED): staff sign in with a password
-- and their second factor.
ALTER TABLE password_reset_request ADD COLUMN purpose VARCHAR(16) NOT NULL DEFAULT 'PASSWORD_RESET'
    CHECK (purpose IN ('PASSWORD_RESET', 'SIGN_IN_LINK'));
ALTER TABLE password_reset_request DROP CONSTRAINT password_reset_request_outcome_check;
ALTER TABLE password_reset_request ADD CONSTRAINT password_reset_request_outcome_check
    CHECK (outcome IN ('SENT', 'LIMITED', 'UNKNOWN', 'REFUSED'));
DROP INDEX password_reset_request_email_idx;
DROP INDEX password_reset_request_ip_idx;
CREATE INDEX password_reset_request_email_idx ON password_reset_request (purpose, email_hash, requested_at DESC)
    WHERE outcome = 'SENT';
CREATE INDEX password_reset_request_ip_idx ON password_reset_request (purpose, ip, requested_at DESC);
