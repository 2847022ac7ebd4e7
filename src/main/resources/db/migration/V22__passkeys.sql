-- Passkeys (WebAuthn, through Spring Security): the relying party's view of each login, and the public keys of the
-- authenticators registered to it. Only public keys are stored; a copy of these tables signs nobody in.

-- The random user handle an authenticator keeps for a login (WebAuthn's user.id): not the account id, so that an
-- authenticator's stored handle says nothing about our rows. One per login, made at its first registration.
CREATE TABLE passkey_user (
    clinic_id   UUID        NOT NULL,
    account_id  UUID        NOT NULL,
    user_handle BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (clinic_id, account_id),
    FOREIGN KEY (clinic_id, account_id) REFERENCES user_account (clinic_id, id)
);
CREATE UNIQUE INDEX passkey_user_handle_uk ON passkey_user (user_handle);

CREATE TABLE passkey (
    id                      UUID         NOT NULL,
    clinic_id               UUID         NOT NULL,
    account_id              UUID         NOT NULL,
    credential_id           BYTEA        NOT NULL,
    public_key              BYTEA        NOT NULL,
    signature_count         BIGINT       NOT NULL,
    uv_initialized          BOOLEAN      NOT NULL,
    backup_eligible         BOOLEAN      NOT NULL,
    backup_state            BOOLEAN      NOT NULL,
    transports              VARCHAR(200) NOT NULL DEFAULT '',
    attestation_object      BYTEA,
    attestation_client_data BYTEA,
    label                   VARCHAR(64)  NOT NULL,
    created_at              TIMESTAMPTZ  NOT NULL,
    last_used_at            TIMESTAMPTZ,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, account_id) REFERENCES passkey_user (clinic_id, account_id)
);
CREATE UNIQUE INDEX passkey_credential_uk ON passkey (credential_id);
CREATE INDEX passkey_account_idx ON passkey (clinic_id, account_id);

-- Like every clinic table (V16): the app role sees only the rows of the clinic its transaction names.
ALTER TABLE passkey_user ENABLE ROW LEVEL SECURITY;
CREATE POLICY passkey_user_clinic_isolation ON passkey_user TO ${app_role}
    USING (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid
           OR current_setting('app.all_clinics', true) = 'on')
    WITH CHECK (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid
                OR current_setting('app.all_clinics', true) = 'on');
ALTER TABLE passkey ENABLE ROW LEVEL SECURITY;
CREATE POLICY passkey_clinic_isolation ON passkey TO ${app_role}
    USING (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid
           OR current_setting('app.all_clinics', true) = 'on')
    WITH CHECK (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid
                OR current_setting('app.all_clinics', true) = 'on');
