-- Tenant isolation, twice (issue 7): beneath the application's own clinic_id filters, PostgreSQL row-level security
-- shows the application's database role only the rows of the clinic its transaction names.
--
-- Two roles. The one that runs these migrations owns the schema (and, as owner, is not subject to the policies).
-- The application connects as ${app_role}: a login role that owns nothing, is no superuser and has no BYPASSRLS.
-- That role is created outside Flyway (it takes CREATEROLE): see docs/security.md.
--
-- Each transaction of the application sets, transaction-local, app.clinic_id (the clinic it works for) or
-- app.all_clinics = 'on' (a named, logged bypass: sign-in lookups, token links, scheduled jobs, demo data);
-- org.aftercare.security.ClinicScope. With neither set, a policy matches no row: forgetting the scope shows nothing.
-- NULLIF: once a transaction-local setting has ended, the setting reads '' for the rest of the session, and
-- ''::uuid would be an error.

-- What the application may do: read and write the tables it uses; not the migration history.
GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app_role};
REVOKE ALL ON flyway_schema_history FROM ${app_role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app_role};
-- The audit trail is insert-only for the application, by privilege (and by the trigger of V3, for everyone).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ${app_role};

-- Tables and sequences that later migrations create get the same grants. An insert-only table added later must
-- REVOKE UPDATE, DELETE from the role in its own migration, as above.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

-- The clinics themselves: each sees its own row.
ALTER TABLE clinic ENABLE ROW LEVEL SECURITY;
CREATE POLICY clinic_isolation ON clinic TO ${app_role}
    USING (id = NULLIF(current_setting('app.clinic_id', true), '')::uuid
           OR current_setting('app.all_clinics', true) = 'on')
    WITH CHECK (id = NULLIF(current_setting('app.clinic_id', true), '')::uuid
                OR current_setting('app.all_clinics', true) = 'on');

-- Every table with a clinic_id column, whichever migration made it: the same policy on clinic_id. A table created
-- by a later migration needs these two statements in that migration (TenantIsolationTests fails until
-- it has them).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.relname
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'clinic_id' AND NOT a.attisdropped
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
         ORDER BY c.relname
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
        EXECUTE format($policy$
            CREATE POLICY %I ON %I TO ${app_role}
                USING (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid
                       OR current_setting('app.all_clinics', true) = 'on')
                WITH CHECK (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid
                            OR current_setting('app.all_clinics', true) = 'on')
            $policy$, t.relname || '_clinic_isolation', t.relname);
    END LOOP;
END
$$;

-- Sign-in finds an account by e-mail across clinics. Under a policy PostgreSQL uses an index only for conditions
-- whose functions are leakproof, which lower() is not, so the lookup by lower(email) would read all of
-- user_account. Addresses are stored trimmed and lower-cased (UserAccount.normalise), so the lookup compares the
-- column itself, through this index; user_account_email_uk still keeps one account per address.
CREATE INDEX user_account_email_idx ON user_account (email);
