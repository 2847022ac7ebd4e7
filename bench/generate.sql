-- Aftercare benchmark data: a clinic chain, set-based (INSERT ... SELECT generate_series), into a database that
-- the application has already migrated (Flyway, V1..V10). Run with psql:
--
--   psql -v ON_ERROR_STOP=1 -v np=200000 -v hash="'{argon2}...'" -d aftercare_bench -f bench/generate.sql
--
-- np = patients. Everything else follows from it: 2 treatments per patient (+1 fresh episode for each of the first np/2 (at most 1,000)
-- benchmark patient), 5 reports per treatment (the answers to the 5 default check-ins), so np=200000 gives
-- 400,000 treatments and 2,000,000 reports; np=1000 gives 10,000 reports (the small mode). Always 100 clinics,
-- one clinician and one admin per clinic, and one patient account per patient; every account has the same
-- password hash (:hash, made once with the application's own encoder by bench/PasswordHash.java).
--
-- Distribution (shared/CLINICAL.md section 1): 35% of reports "no new symptoms"; entries are 40% headache and
-- 25% bruising, then injection-site pain, swelling, redness ...; severity 1-3 in 88%, 4-6 in 10%, 7-9 in 2%;
-- droop/asymmetry about 1.5% of entries; distant-spread and allergic symptoms 0.1% each; a headache red flag in
-- 0.2% of headaches. The flags are what rules R1, R2, R3, R4, R5, R9, R10 and R12 raise on those entries: one
-- flag per patient, episode and rule (flag_one_open_uk), one evidence row per report that met it. Flags first
-- raised in the last 60 days are open (30% of them acknowledged); older ones are resolved.
--
-- Loading: the foreign keys and secondary indexes of the big tables are dropped, the rows loaded, and both
-- re-created from their exact definitions (what pg_restore does): every constraint is checked when it is
-- re-created, so the data is proven to respect them. Check constraints stay in place throughout.

\set ON_ERROR_STOP 1
\timing on
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
SET max_parallel_maintenance_workers = 2;
SET work_mem = '64MB';

SELECT :np AS np, 2 * :np AS nt, 10 * :np AS nr, least(1000, :np / 2) AS nbench \gset

-- Start from empty data (schema and flyway_schema_history stay).
TRUNCATE clinic, user_account, patient, treatment, treatment_area, symptom_report, symptom_entry, flag,
         flag_evidence, flag_action, audit_event, check_in, invitation, password_reset, clinic_security, two_factor,
         recovery_code, triage_settings, login_attempt, login_lock, spring_session, spring_session_attributes,
         event_publication CASCADE;

-- Remember, then drop, the foreign keys and the secondary (non-primary-key) indexes of the tables we fill.
DROP TABLE IF EXISTS bench_ddl;
CREATE TABLE bench_ddl (seq serial, kind text, tbl text, name text, ddl text);
INSERT INTO bench_ddl (kind, tbl, name, ddl)
SELECT 'fk', c.conrelid::regclass::text, c.conname,
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
  FROM pg_constraint c
 WHERE c.contype = 'f'
   AND c.conrelid::regclass::text IN ('user_account', 'patient', 'treatment', 'treatment_area', 'symptom_report',
                                      'symptom_entry', 'flag', 'flag_evidence', 'flag_action', 'check_in');
INSERT INTO bench_ddl (kind, tbl, name, ddl)
SELECT 'ix', i.indrelid::regclass::text, ic.relname, pg_get_indexdef(i.indexrelid)
  FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
 WHERE NOT i.indisprimary
   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
   AND i.indrelid::regclass::text IN ('patient', 'treatment', 'treatment_area', 'symptom_report', 'symptom_entry',
                                      'flag', 'flag_evidence', 'flag_action', 'check_in');
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', tbl, name) FROM bench_ddl WHERE kind = 'fk' \gexec
SELECT format('DROP INDEX %I', name) FROM bench_ddl WHERE kind = 'ix' \gexec

-- 100 clinics.
INSERT INTO clinic (id, name, phone, emergency_number, time_zone, created_at, version, aftercare_sheet, on_call_emails)
SELECT md5('clinic' || c)::uuid, 'Bench Clinic ' || c, '+44 20 7946 ' || lpad(c::text, 4, '0'), '999',
       (ARRAY['Europe/London', 'Europe/Paris', 'Europe/Berlin', 'America/New_York'])[1 + c % 4],
       now() - interval '3 years', 0, NULL, 'oncall' || c || '@bench.invalid'
  FROM generate_series(1, 100) c;

-- One clinician (also the injector) and one admin per clinic.
INSERT INTO user_account (id, clinic_id, email, password_hash, role, display_name, patient_id, enabled, created_at,
                          version)
SELECT md5(r.kind || c)::uuid, md5('clinic' || c)::uuid, r.kind || c || '@bench.invalid', :hash, r.role,
       r.title || ' Bench ' || c, NULL, TRUE, now() - interval '3 years', 0
  FROM generate_series(1, 100) c
 CROSS JOIN (VALUES ('clinician', 'CLINICIAN', 'Dr'), ('admin', 'ADMIN', 'Admin')) r (kind, role, title);

-- Patients: patient p belongs to clinic 1 + p % 100.
INSERT INTO patient (id, clinic_id, given_name, family_name, date_of_birth, email, phone, hypertension,
                     migraine_history, baseline_headache_days, current_medicines, concerns, created_at, version)
SELECT md5('patient' || p)::uuid, md5('clinic' || (1 + p % 100))::uuid,
       (ARRAY['Anna', 'Ben', 'Chloe', 'David', 'Emma', 'Farah', 'George', 'Hannah', 'Isla', 'Jack', 'Kira', 'Liam',
              'Maya', 'Noah', 'Olivia', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tara'])[1 + p % 20],
       (ARRAY['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson',
              'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Clarke',
              'Khan', 'Lewis', 'Young', 'King', 'Lee', 'Martin', 'Moore', 'Hill', 'Scott', 'Ward'])[1 + (p / 20) % 30]
           || '-' || p,
       date '1960-01-01' + (p * 7919) % 15000, 'patient' || p || '@bench.invalid', NULL,
       random() < 0.15, random() < 0.12, (random() * 4)::int, NULL, NULL, now() - interval '2 years', 0
  FROM generate_series(1, :np) p;

-- A patient account for every patient (the benchmark logs in as patients 1..nbench).
INSERT INTO user_account (id, clinic_id, email, password_hash, role, display_name, patient_id, enabled, created_at,
                          version)
SELECT md5('account' || p)::uuid, md5('clinic' || (1 + p % 100))::uuid, 'patient' || p || '@bench.invalid', :hash,
       'PATIENT', 'Patient ' || p, md5('patient' || p)::uuid, TRUE, now() - interval '2 years', 0
  FROM generate_series(1, :np) p;

-- Treatments: k = p (an older episode, 300-540 days ago), k = np + p (the latest, 15-285 days ago: all its
-- check-ins are past), k = 2 np + p for the benchmark patients (a fresh episode treated 20 hours ago, so that the
-- reports the benchmark submits belong to a current episode).
CREATE UNLOGGED TABLE IF NOT EXISTS bench_treat (k int, c int, id uuid, clinic_id uuid, patient_id uuid, treated_at timestamptz);
TRUNCATE bench_treat;
INSERT INTO bench_treat
SELECT k, 1 + p % 100, md5('treatment' || k)::uuid, md5('clinic' || (1 + p % 100))::uuid, md5('patient' || p)::uuid,
       date_trunc('minute', CASE WHEN k <= :np THEN now() - interval '300 days' - random() * interval '240 days'
                                 WHEN k <= 2 * :np THEN now() - interval '15 days' - random() * interval '270 days'
                                 ELSE now() - interval '20 hours' END)
  FROM (SELECT k, CASE WHEN k <= :np THEN k WHEN k <= 2 * :np THEN k - :np ELSE k - 2 * :np END AS p
          FROM generate_series(1, 2 * :np + :nbench) k) s;

INSERT INTO treatment (id, clinic_id, patient_id, product, lot_number, injector_id, treated_at, indication,
                       intake_reviewed, created_at, version, aftercare_confirmed_at)
SELECT t.id, t.clinic_id, t.patient_id,
       CASE WHEN r < 0.45 THEN 'ONABOTULINUMTOXINA' WHEN r < 0.65 THEN 'ABOBOTULINUMTOXINA'
            WHEN r < 0.80 THEN 'INCOBOTULINUMTOXINA' WHEN r < 0.90 THEN 'PRABOTULINUMTOXINA'
            WHEN r < 0.96 THEN 'DAXIBOTULINUMTOXINA' WHEN r < 0.99 THEN 'LETIBOTULINUMTOXINA' ELSE 'OTHER' END,
       'LOT' || (t.k % 997), md5('clinician' || t.c)::uuid,
       t.treated_at, CASE WHEN t.k % 20 = 0 THEN 'MEDICAL' ELSE 'COSMETIC' END, TRUE, t.treated_at, 0,
       CASE WHEN t.k % 3 = 0 THEN NULL ELSE t.treated_at + interval '3 hours' END
  FROM (SELECT *, random() AS r FROM bench_treat) t;

-- 1 to 3 areas per treatment (glabellar lines most often).
INSERT INTO treatment_area (id, clinic_id, treatment_id, area, units)
SELECT md5('area' || t.k || '-' || a)::uuid, t.clinic_id, t.id,
       (ARRAY['GLABELLAR_LINES', 'FOREHEAD', 'CROWS_FEET', 'BUNNY_LINES', 'MASSETER', 'LIP', 'CHIN', 'PLATYSMA'])
           [CASE WHEN a = 1 THEN 1 + (t.k % 3) ELSE 1 + ((t.k / 3 + a) % 8) END],
       (ARRAY[20, 10, 12, 4, 25, 4, 6, 15])[CASE WHEN a = 1 THEN 1 + (t.k % 3) ELSE 1 + ((t.k / 3 + a) % 8) END]
           + (t.k % 5)
  FROM bench_treat t
 CROSS JOIN LATERAL generate_series(1, 1 + (t.k % 7 = 0)::int + (t.k % 3 = 0)::int) a
 WHERE a = 1 OR ((t.k / 3 + a) % 8) + 1 <> 1 + (t.k % 3);

-- Reports: j = i * nt + k answers check-in i (2 h, 1, 3, 7, 14 days) of treatment k.
CREATE UNLOGGED TABLE IF NOT EXISTS bench_report (j int, i int, id uuid, clinic_id uuid, patient_id uuid,
    treatment_id uuid, submitted_at timestamptz, nns boolean);
TRUNCATE bench_report;
INSERT INTO bench_report
SELECT i * :nt + t.k, i, md5('report' || (i * :nt + t.k))::uuid, t.clinic_id, t.patient_id, t.id,
       t.treated_at + (ARRAY[interval '2 hours', interval '1 day', interval '3 days', interval '7 days',
                             interval '14 days'])[i + 1] + random() * interval '3 hours',
       random() < 0.35
  FROM bench_treat t CROSS JOIN generate_series(0, 4) i
 WHERE t.k <= :nt;

INSERT INTO symptom_report (id, clinic_id, patient_id, treatment_id, form_token, submitted_at, no_new_symptoms,
                            other_causes, medicines, medicines_helped, went_to_emergency, admitted_to_hospital, notes,
                            version)
SELECT r.id, r.clinic_id, r.patient_id, r.treatment_id, gen_random_uuid(), r.submitted_at, r.nns,
       CASE WHEN NOT r.nns AND r.j % 4 = 0 THEN (ARRAY['STRESS', 'POOR_SLEEP', 'LITTLE_WATER', 'SCREEN_TIME'])[1 + r.j % 4] END,
       CASE WHEN NOT r.nns AND r.j % 5 = 0 THEN 'paracetamol' END,
       CASE WHEN NOT r.nns AND r.j % 5 = 0 THEN 'YES' END,
       FALSE, FALSE, NULL, 0
  FROM bench_report r;

-- Check-ins: five per treatment, each answered by its report; the fresh episodes' first one is due, the rest ahead.
INSERT INTO check_in (id, clinic_id, patient_id, treatment_id, due_at, offset_label, reminded_at, answered_at,
                      answer_report_id)
SELECT md5('checkin' || r.j)::uuid, r.clinic_id, r.patient_id, r.treatment_id,
       t.treated_at + (ARRAY[interval '2 hours', interval '1 day', interval '3 days', interval '7 days',
                             interval '14 days'])[r.i + 1],
       (ARRAY['PT2H', 'PT24H', 'PT72H', 'PT168H', 'PT336H'])[r.i + 1],
       t.treated_at + (ARRAY[interval '2 hours', interval '1 day', interval '3 days', interval '7 days',
                             interval '14 days'])[r.i + 1],
       r.submitted_at, r.id
  FROM bench_report r JOIN bench_treat t ON t.id = r.treatment_id;
INSERT INTO check_in (id, clinic_id, patient_id, treatment_id, due_at, offset_label, reminded_at, answered_at,
                      answer_report_id)
SELECT md5('checkin-fresh' || t.k || '-' || i)::uuid, t.clinic_id, t.patient_id, t.id,
       t.treated_at + (ARRAY[interval '2 hours', interval '1 day', interval '3 days', interval '7 days',
                             interval '14 days'])[i + 1],
       (ARRAY['PT2H', 'PT24H', 'PT72H', 'PT168H', 'PT336H'])[i + 1],
       CASE WHEN i = 0 THEN t.treated_at + interval '2 hours' END, NULL, NULL
  FROM bench_treat t CROSS JOIN generate_series(0, 4) i
 WHERE t.k > :nt;

-- Entries: one per report with symptoms, a second (headache or bruising) in 30% of them.
CREATE UNLOGGED TABLE IF NOT EXISTS bench_entry (id uuid, clinic_id uuid, report_id uuid, patient_id uuid,
    treatment_id uuid, submitted_at timestamptz, symptom text, severity smallint, interference smallint,
    started_at timestamptz, ongoing boolean, red_flag boolean, position smallint);
TRUNCATE bench_entry;
INSERT INTO bench_entry
SELECT md5('entry' || r.j || '-1')::uuid, r.clinic_id, r.id, r.patient_id, r.treatment_id, r.submitted_at,
       CASE WHEN s < 0.40 THEN 'HEADACHE' WHEN s < 0.65 THEN 'BRUISING' WHEN s < 0.75 THEN 'INJECTION_SITE_PAIN'
            WHEN s < 0.82 THEN 'SWELLING' WHEN s < 0.88 THEN 'REDNESS' WHEN s < 0.91 THEN 'NECK_PAIN'
            WHEN s < 0.93 THEN 'NAUSEA' WHEN s < 0.95 THEN 'FLU_LIKE' WHEN s < 0.976 THEN 'DRY_OR_WATERY_EYES'
            WHEN s < 0.982 THEN 'EYELID_DROOP' WHEN s < 0.987 THEN 'BROW_DROOP' WHEN s < 0.992 THEN 'ASYMMETRY'
            WHEN s < 0.994 THEN 'INFECTION_SIGNS' WHEN s < 0.998 THEN 'OTHER'
            WHEN s < 0.9982 THEN 'TROUBLE_SWALLOWING' WHEN s < 0.9984 THEN 'TROUBLE_BREATHING'
            WHEN s < 0.9986 THEN 'TROUBLE_SPEAKING' WHEN s < 0.9988 THEN 'GENERALISED_WEAKNESS'
            WHEN s < 0.9990 THEN 'DOUBLE_OR_BLURRED_VISION' WHEN s < 0.9994 THEN 'HIVES_OR_ITCHY_WELTS'
            WHEN s < 0.9996 THEN 'WHEEZING' WHEN s < 0.9998 THEN 'FACE_LIPS_TONGUE_SWELLING'
            ELSE 'FEELING_FAINT' END,
       CASE WHEN v < 0.88 THEN 1 + (v * 100)::int % 3 WHEN v < 0.98 THEN 4 + (v * 1000)::int % 3
            ELSE 7 + (v * 10000)::int % 3 END,
       CASE WHEN v < 0.88 THEN (v * 7)::int % 2 WHEN v < 0.98 THEN 1 + (v * 1000)::int % 2 ELSE 2 + (v * 10000)::int % 2 END,
       r.submitted_at - random() * interval '12 hours', random() < 0.7, random() < 0.002, 1
  FROM (SELECT r.*, random() AS s, random() AS v FROM bench_report r WHERE NOT r.nns) r;
INSERT INTO bench_entry
SELECT md5('entry' || r.j || '-2')::uuid, e.clinic_id, e.report_id, e.patient_id, e.treatment_id, e.submitted_at,
       CASE WHEN e.symptom = 'HEADACHE' THEN 'BRUISING' ELSE 'HEADACHE' END, 1 + (r.j % 3), 0,
       e.started_at, TRUE, FALSE, 2
  FROM bench_entry e JOIN bench_report r ON r.id = e.report_id
 WHERE r.j % 10 < 3;

INSERT INTO symptom_entry (id, clinic_id, report_id, symptom, other_description, severity, interference, started_at,
                           ongoing, stopped_at, pre_existing, sudden_worst_ever, fever_or_stiff_neck,
                           neurological_signs, updates_entry_id, position)
SELECT e.id, e.clinic_id, e.report_id, e.symptom, CASE WHEN e.symptom = 'OTHER' THEN 'tingling in the cheek' END,
       e.severity, e.interference, e.started_at, e.ongoing,
       CASE WHEN NOT e.ongoing THEN least(e.submitted_at, e.started_at + interval '6 hours') END, FALSE,
       CASE WHEN e.symptom = 'HEADACHE' THEN e.red_flag END,
       CASE WHEN e.symptom = 'HEADACHE' THEN FALSE END,
       CASE WHEN e.symptom = 'HEADACHE' THEN FALSE END,
       NULL, e.position
  FROM bench_entry e;

-- What the rules raise on those entries.
CREATE UNLOGGED TABLE IF NOT EXISTS bench_hit (clinic_id uuid, patient_id uuid, treatment_id uuid, report_id uuid,
    rule_code text, priority text, symptom text, severity smallint, submitted_at timestamptz);
TRUNCATE bench_hit;
INSERT INTO bench_hit
SELECT e.clinic_id, e.patient_id, e.treatment_id, e.report_id, h.rule_code, h.priority, e.symptom, e.severity,
       e.submitted_at
  FROM bench_entry e
 CROSS JOIN LATERAL (VALUES
       ('R1_DISTANT_SPREAD', 'EMERGENCY', e.symptom IN ('TROUBLE_SWALLOWING', 'TROUBLE_BREATHING', 'TROUBLE_SPEAKING',
                                                        'GENERALISED_WEAKNESS', 'DOUBLE_OR_BLURRED_VISION')),
       ('R2_ALLERGIC', 'EMERGENCY', e.symptom IN ('HIVES_OR_ITCHY_WELTS', 'WHEEZING', 'FACE_LIPS_TONGUE_SWELLING',
                                                  'FEELING_FAINT')),
       ('R3_HEADACHE_RED_FLAG', 'EMERGENCY', e.symptom = 'HEADACHE' AND e.red_flag),
       ('R4_SEVERE', 'HIGH', e.severity >= 7 OR e.interference >= 3),
       ('R5_MODERATE_HEADACHE', 'MEDIUM', e.symptom = 'HEADACHE' AND e.severity BETWEEN 4 AND 6 AND e.ongoing),
       ('R9_DROOP_OR_ASYMMETRY', 'MEDIUM', e.symptom IN ('EYELID_DROOP', 'BROW_DROOP', 'ASYMMETRY')),
       ('R10_INFECTION', 'HIGH', e.symptom = 'INFECTION_SIGNS'),
       ('R12_UNUSUAL', 'MEDIUM', e.symptom = 'OTHER')) h (rule_code, priority, hit)
 WHERE h.hit;

INSERT INTO flag (id, clinic_id, patient_id, treatment_id, rule_code, priority, status, serious, may_have_other_cause,
                  symptoms, evidence, source, other_causes, raised_at, last_raised_at, last_report_id,
                  acknowledged_at, acknowledged_by, follow_up_requested_at, last_patient_update_at, escalated_at,
                  resolved_at, resolved_by, version, outcome, causality, seriousness, seriousness_criteria,
                  resolution_note, last_action_at)
SELECT g.id, g.clinic_id, g.patient_id, g.treatment_id, g.rule_code, g.priority, g.status, FALSE,
       g.rule_code = 'R3_HEADACHE_RED_FLAG', g.symptoms, g.evidence, g.source, NULL, g.raised_at, g.last_raised_at,
       g.last_report_id,
       CASE WHEN g.status <> 'OPEN' THEN g.raised_at + interval '1 hour' END,
       CASE WHEN g.status <> 'OPEN' THEN md5('clinician' || g.c)::uuid END,
       NULL, NULL, NULL,
       CASE WHEN g.status = 'RESOLVED' THEN g.last_raised_at + interval '1 day' END,
       CASE WHEN g.status = 'RESOLVED' THEN md5('clinician' || g.c)::uuid END, 1,
       CASE WHEN g.status = 'RESOLVED' THEN 'RESOLVED' END, CASE WHEN g.status = 'RESOLVED' THEN 'POSSIBLE' END,
       CASE WHEN g.status = 'RESOLVED' THEN 'NON_SERIOUS' END, NULL,
       CASE WHEN g.status = 'RESOLVED' THEN 'Called the patient; settled.' END,
       CASE WHEN g.status = 'RESOLVED' THEN g.last_raised_at + interval '1 day'
            WHEN g.status = 'ACKNOWLEDGED' THEN g.raised_at + interval '1 hour' END
  FROM (SELECT md5('flag' || h.treatment_id || h.rule_code)::uuid AS id, h.clinic_id, h.patient_id, h.treatment_id,
               h.rule_code, min(h.priority) AS priority,  -- 'EMERGENCY' < 'HIGH' < 'MEDIUM': one priority per rule here
               CASE WHEN min(h.submitted_at) < now() - interval '60 days' THEN 'RESOLVED'
                    WHEN abs(hashtext(h.treatment_id::text)) % 10 < 3 THEN 'ACKNOWLEDGED' ELSE 'OPEN' END AS status,
               string_agg(DISTINCT h.symptom, ',') AS symptoms,
               left(string_agg(h.symptom || ' ' || h.severity || '/10', '; ' ORDER BY h.submitted_at), 2000) AS evidence,
               'CLINICAL.md section 1' AS source, min(h.submitted_at) AS raised_at, max(h.submitted_at) AS last_raised_at,
               (array_agg(h.report_id ORDER BY h.submitted_at DESC))[1] AS last_report_id,
               min(t.c) AS c
          FROM bench_hit h JOIN bench_treat t ON t.id = h.treatment_id
         GROUP BY h.clinic_id, h.patient_id, h.treatment_id, h.rule_code) g;

INSERT INTO flag_evidence (id, clinic_id, flag_id, report_id, rule_code, priority, evidence, may_have_other_cause,
                           recorded_at)
SELECT md5('evidence' || h.report_id || h.rule_code)::uuid, h.clinic_id,
       md5('flag' || h.treatment_id || h.rule_code)::uuid, h.report_id, h.rule_code, h.priority,
       string_agg(h.symptom || ' ' || h.severity || '/10', '; '), h.rule_code = 'R3_HEADACHE_RED_FLAG',
       min(h.submitted_at)
  FROM bench_hit h
 GROUP BY h.clinic_id, h.treatment_id, h.report_id, h.rule_code, h.priority;

INSERT INTO flag_action (id, clinic_id, flag_id, actor_id, action, detail, occurred_at)
SELECT md5('ack' || f.id)::uuid, f.clinic_id, f.id, f.acknowledged_by, 'ACKNOWLEDGED', NULL, f.acknowledged_at
  FROM flag f WHERE f.status <> 'OPEN'
UNION ALL
SELECT md5('res' || f.id)::uuid, f.clinic_id, f.id, f.resolved_by, 'RESOLVED', f.resolution_note, f.resolved_at
  FROM flag f WHERE f.status = 'RESOLVED';

-- Small mode only: the driven clinics (1..32) get as many unresolved flags as the big mode's (85 each), so that
-- the queue page at 10,000 reports renders the same 50 rows as at 2,000,000 and "flat with size" compares data
-- size alone. The extra flags are rules not yet raised on the clinic's episodes (one per episode and rule), raised
-- in the last 30 days, 30% acknowledged, like the others; they have no evidence rows (the queue does not read them).
SELECT :np < 10000 AS small \gset
\if :small
INSERT INTO flag (id, clinic_id, patient_id, treatment_id, rule_code, priority, status, serious, may_have_other_cause,
                  symptoms, evidence, source, raised_at, last_raised_at, acknowledged_at, acknowledged_by, version,
                  last_action_at)
SELECT md5('flag' || x.treatment_id || x.rule_code)::uuid, x.clinic_id, x.patient_id, x.treatment_id, x.rule_code,
       x.priority, x.status, FALSE, FALSE, x.symptom, x.symptom || ' 7/10', 'CLINICAL.md section 1', x.raised_at,
       x.raised_at, CASE WHEN x.status = 'ACKNOWLEDGED' THEN x.raised_at + interval '1 hour' END,
       CASE WHEN x.status = 'ACKNOWLEDGED' THEN md5('clinician' || x.c)::uuid END, 1,
       CASE WHEN x.status = 'ACKNOWLEDGED' THEN x.raised_at + interval '1 hour' END
  FROM (SELECT t.c, t.clinic_id, t.patient_id, t.id AS treatment_id, r.rule_code, r.priority, r.symptom,
               CASE WHEN abs(hashtext(t.id::text || r.rule_code)) % 10 < 3 THEN 'ACKNOWLEDGED' ELSE 'OPEN' END AS status,
               date_trunc('minute', now() - random() * interval '30 days') AS raised_at,
               row_number() OVER (PARTITION BY t.c ORDER BY t.k, r.rule_code) AS n,
               (SELECT count(*) FROM flag f WHERE f.clinic_id = t.clinic_id AND f.status <> 'RESOLVED') AS unresolved
          FROM bench_treat t
         CROSS JOIN (VALUES ('R1_DISTANT_SPREAD', 'EMERGENCY', 'TROUBLE_SWALLOWING'), ('R4_SEVERE', 'HIGH', 'HEADACHE'),
                            ('R5_MODERATE_HEADACHE', 'MEDIUM', 'HEADACHE'), ('R9_DROOP_OR_ASYMMETRY', 'MEDIUM', 'EYELID_DROOP'),
                            ('R10_INFECTION', 'HIGH', 'INFECTION_SIGNS'), ('R12_UNUSUAL', 'MEDIUM', 'OTHER'),
                            ('R2_ALLERGIC', 'EMERGENCY', 'HIVES_OR_ITCHY_WELTS'),
                            ('R3_HEADACHE_RED_FLAG', 'EMERGENCY', 'HEADACHE')) r (rule_code, priority, symptom)
         WHERE t.c <= 32
           AND NOT EXISTS (SELECT 1 FROM flag f WHERE f.treatment_id = t.id AND f.rule_code = r.rule_code)) x
 WHERE x.n <= 85 - x.unresolved;
\endif

-- Re-create what was dropped: every foreign key and unique index is checked here.
SELECT ddl FROM bench_ddl WHERE kind = 'ix' ORDER BY seq \gexec
SELECT ddl FROM bench_ddl WHERE kind = 'fk' ORDER BY seq \gexec
DROP TABLE bench_ddl, bench_treat, bench_report, bench_entry, bench_hit;

-- R6's record of each episode's ongoing headache, which triage keeps as reports come in (V23's backfill, for the
-- reports loaded here).
INSERT INTO ongoing_headache (clinic_id, treatment_id, patient_id, reported_at, started_at)
SELECT clinic_id, treatment_id, patient_id, submitted_at, started_at
  FROM (SELECT DISTINCT ON (r.clinic_id, r.treatment_id) r.clinic_id, r.treatment_id, r.patient_id,
               r.submitted_at, e.started_at, e.ongoing
          FROM symptom_entry e
          JOIN symptom_report r ON r.clinic_id = e.clinic_id AND r.id = e.report_id
         WHERE e.symptom = 'HEADACHE' AND r.submitted_at > now() - INTERVAL '84 days'
         ORDER BY r.clinic_id, r.treatment_id, r.submitted_at DESC, r.id DESC, e.position DESC) latest
 WHERE ongoing
ON CONFLICT (clinic_id, treatment_id) DO UPDATE SET patient_id = excluded.patient_id,
                                                   reported_at = excluded.reported_at,
                                                   started_at = excluded.started_at;

VACUUM (ANALYZE) clinic, user_account, patient, treatment, treatment_area, symptom_report, symptom_entry, flag,
                 flag_evidence, flag_action, check_in, ongoing_headache;

SELECT (SELECT count(*) FROM clinic) AS clinics, (SELECT count(*) FROM patient) AS patients,
       (SELECT count(*) FROM treatment) AS treatments, (SELECT count(*) FROM treatment_area) AS areas,
       (SELECT count(*) FROM symptom_report) AS reports, (SELECT count(*) FROM symptom_entry) AS entries,
       (SELECT count(*) FROM check_in) AS check_ins, (SELECT count(*) FROM flag) AS flags,
       (SELECT count(*) FROM flag WHERE status <> 'RESOLVED') AS unresolved_flags,
       (SELECT count(*) FROM flag WHERE priority = 'EMERGENCY') AS emergency_flags,
       (SELECT count(DISTINCT last_report_id) FROM flag) AS flagged_reports_last,
       (SELECT count(DISTINCT report_id) FROM flag_evidence) AS flagged_reports;
