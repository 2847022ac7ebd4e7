-- Row-level security (V16) with the same meaning, written so that the planner does not take it for a second, very
-- selective filter (issue 8). Every query of the app already names its clinic (clinic_id = ?), and V16's policy
-- "clinic_id = <setting> OR all_clinics = 'on'" was estimated on top of that as another 1/number-of-clinics
-- filter, plus the OR: a clinic's rows were estimated at about 1/70 of what they are. At 2,000,000 reports that
-- gave nested loops over every report of a clinic where an index in order was right: the clinic's report list
-- took 1,009 ms instead of 3 ms, the patient list 138 ms instead of 1 ms (bench/explain.sql as the app role).
--
-- A CASE is estimated as one boolean of unknown value (one half), whatever the number of clinics. It keeps V16's
-- meaning: all clinics when app.all_clinics is 'on'; else the rows of app.clinic_id; with neither set, clinic_id
-- = NULL, which is never true, so nothing is visible.
--
-- A table created by a later migration gets this form of the policy (TenantIsolationTests checks its estimate).
DO $$
DECLARE
    p record;
BEGIN
    FOR p IN
        SELECT pol.polname, c.relname, CASE WHEN c.relname = 'clinic' THEN 'id' ELSE 'clinic_id' END AS col
          FROM pg_policy pol
          JOIN pg_class c ON c.oid = pol.polrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND pol.polname LIKE '%clinic_isolation'
         ORDER BY c.relname
    LOOP
        EXECUTE format($policy$
            ALTER POLICY %1$I ON %2$I
                USING (CASE WHEN current_setting('app.all_clinics', true) = 'on' THEN true
                            ELSE %3$I = NULLIF(current_setting('app.clinic_id', true), '')::uuid END)
                WITH CHECK (CASE WHEN current_setting('app.all_clinics', true) = 'on' THEN true
                                 ELSE %3$I = NULLIF(current_setting('app.clinic_id', true), '')::uuid END)
            $policy$, p.polname, p.relname, p.col);
    END LOOP;
END
$$;
