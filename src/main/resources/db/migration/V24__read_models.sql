-- Read models: each module reads and writes only its own tables (docs/modules.md). A page that shows what several
-- modules own reads one declared read model instead: a view in the schema read_model, owned by the module that reads
-- it, which alone names the other modules' tables. Its definition here is the one place where that coupling lives;
-- PostgreSQL refuses a later migration that drops or retypes a column a view uses until the view is changed with it.
--
-- Plain views, not tables kept current by events: PostgreSQL inlines a simple view into the query that reads it, so
-- each page keeps the plan it had when it named the tables itself (bench/explain.sql), and nothing can fall behind.
-- security_invoker: the view reads the tables as the role that queries it, so row-level security (V16, V17) shows
-- the application only its transaction's clinic, as with the tables. A view without it would read them as its
-- owner, the schema's owner, whom the policies do not restrict. The application may only SELECT from a read model:
-- a simple view is updatable, and a write through it would be a write to another module's table.

CREATE SCHEMA read_model;
GRANT USAGE ON SCHEMA read_model TO ${app_role};
-- Views created here by later migrations: SELECT for the application, nothing more.
ALTER DEFAULT PRIVILEGES IN SCHEMA read_model GRANT SELECT ON TABLES TO ${app_role};

-- triage: the flag queue (FlagQueue) joins its flags with the patient's name, the treatment and the names of the
-- injector and of the clinician who took the flag on: one view for each, each a projection of one table, so that the
-- query PostgreSQL plans is the one the queue sent when it named the tables (a single view over flag and the others
-- made the queue read each flag of a page twice: PostgreSQL 17 does not remove a self-join).
CREATE VIEW read_model.flag_queue_patient WITH (security_invoker = true) AS
SELECT p.clinic_id, p.id, p.given_name, p.family_name
  FROM patient p;

CREATE VIEW read_model.flag_queue_treatment WITH (security_invoker = true) AS
SELECT t.clinic_id, t.id, t.treated_at, t.product, t.injector_id
  FROM treatment t;

CREATE VIEW read_model.flag_queue_staff WITH (security_invoker = true) AS
SELECT u.clinic_id, u.id, u.display_name
  FROM user_account u;

-- triage: a flag's page (FlagPage), the flag with the name of who acknowledged it ...
CREATE VIEW read_model.flag_page WITH (security_invoker = true) AS
SELECT f.clinic_id, f.id, f.version, f.patient_id, f.treatment_id, f.rule_code, f.priority, f.status, f.serious,
       f.may_have_other_cause, f.symptoms, f.evidence, f.source, f.other_causes, f.raised_at, f.acknowledged_at,
       a.display_name AS acknowledged_by_name, f.follow_up_requested_at, f.resolved_at, f.outcome, f.causality,
       f.seriousness, f.seriousness_criteria, f.resolution_note
  FROM flag f
  LEFT JOIN user_account a ON a.clinic_id = f.clinic_id AND a.id = f.acknowledged_by;

-- ... and its review history with the names of who acted.
CREATE VIEW read_model.flag_page_action WITH (security_invoker = true) AS
SELECT x.clinic_id, x.id, x.flag_id, x.occurred_at, coalesce(u.display_name, '-') AS actor, x.action, x.detail
  FROM flag_action x
  LEFT JOIN user_account u ON u.clinic_id = x.clinic_id AND u.id = x.actor_id;

-- audit: the admin's audit trail (AuditTrail), with the names of the actor and the patient.
CREATE VIEW read_model.audit_trail WITH (security_invoker = true) AS
SELECT a.clinic_id, a.seq, a.id, a.occurred_at, a.actor_id, u.display_name AS actor_name, a.actor_role, a.patient_id,
       p.given_name || ' ' || p.family_name AS patient_name, a.action, a.object_type, a.object_id, a.outcome, a.detail,
       a.ip, a.prev_hash, a.row_hash
  FROM audit_event a
  LEFT JOIN user_account u ON u.clinic_id = a.clinic_id AND u.id = a.actor_id
  LEFT JOIN patient p ON p.clinic_id = a.clinic_id AND p.id = a.patient_id;

-- privacy: the admin's list of erasure requests (Erasure), with the patient's name.
CREATE VIEW read_model.erasure_request_list WITH (security_invoker = true) AS
SELECT r.clinic_id, r.id, r.patient_id, p.given_name || ' ' || p.family_name AS patient_name, r.requested_at,
       r.decision
  FROM erasure_request r
  JOIN patient p ON p.clinic_id = r.clinic_id AND p.id = r.patient_id;

-- dashboard: the clinic's reports list (ClinicReportList), with patient, treatment and the entries' symptoms and
-- highest severity.
CREATE VIEW read_model.report_list WITH (security_invoker = true) AS
SELECT r.clinic_id, r.id, r.submitted_at, r.patient_id, p.given_name, p.family_name, t.product, t.treated_at,
       r.no_new_symptoms,
       (SELECT string_agg(e.symptom, ',' ORDER BY e.position) FROM symptom_entry e
         WHERE e.clinic_id = r.clinic_id AND e.report_id = r.id) AS symptoms,
       (SELECT max(e.severity) FROM symptom_entry e
         WHERE e.clinic_id = r.clinic_id AND e.report_id = r.id) AS max_severity
  FROM symptom_report r
  JOIN patient p ON p.clinic_id = r.clinic_id AND p.id = r.patient_id
  JOIN treatment t ON t.clinic_id = r.clinic_id AND t.id = r.treatment_id;

-- dashboard: the patient list (PatientList), with each patient's latest treatment and number of open flags.
CREATE VIEW read_model.patient_list WITH (security_invoker = true) AS
SELECT p.clinic_id, p.id, p.given_name, p.family_name, p.date_of_birth, lt.treated_at AS latest_treated_at,
       lt.product AS latest_product,
       (SELECT count(*) FROM flag f
         WHERE f.clinic_id = p.clinic_id AND f.patient_id = p.id AND f.status <> 'RESOLVED') AS open_flags
  FROM patient p
  LEFT JOIN LATERAL (SELECT t.treated_at, t.product FROM treatment t
                      WHERE t.clinic_id = p.clinic_id AND t.patient_id = p.id
                      ORDER BY t.treated_at DESC LIMIT 1) lt ON TRUE;

-- dashboard: a patient's page (PatientTimeline), every treatment with its areas and injector ...
CREATE VIEW read_model.patient_treatment WITH (security_invoker = true) AS
SELECT t.clinic_id, t.id, t.patient_id, t.treated_at, t.product, t.lot_number, t.indication,
       u.display_name AS injector,
       (SELECT string_agg(a.area || '=' || a.units, ',' ORDER BY a.area) FROM treatment_area a
         WHERE a.clinic_id = t.clinic_id AND a.treatment_id = t.id) AS areas
  FROM treatment t
  JOIN user_account u ON u.clinic_id = t.clinic_id AND u.id = t.injector_id;

-- ... and every flag.
CREATE VIEW read_model.patient_flag WITH (security_invoker = true) AS
SELECT f.clinic_id, f.id, f.patient_id, f.treatment_id, f.rule_code, f.priority, f.status, f.serious, f.evidence,
       f.raised_at, f.resolved_at
  FROM flag f;

-- dashboard: what the clinic learns (AnalyticsQuery, AnalyticsDimension): the treatments of a period ...
CREATE VIEW read_model.analytics_treatment WITH (security_invoker = true) AS
SELECT t.clinic_id, t.id, t.treated_at, t.product, t.injector_id
  FROM treatment t;

-- ... the times their reports came in (an answered check-in) ...
CREATE VIEW read_model.analytics_report WITH (security_invoker = true) AS
SELECT r.clinic_id, r.id, r.treatment_id, r.submitted_at
  FROM symptom_report r;

-- ... each reported symptom with its episode and onset ...
CREATE VIEW read_model.analytics_symptom WITH (security_invoker = true) AS
SELECT r.clinic_id, r.treatment_id, s.symptom, s.pre_existing, s.started_at
  FROM symptom_report r
  JOIN symptom_entry s ON s.clinic_id = r.clinic_id AND s.report_id = r.id;

-- ... their areas and units ...
CREATE VIEW read_model.analytics_area WITH (security_invoker = true) AS
SELECT a.clinic_id, a.treatment_id, a.area, a.units
  FROM treatment_area a;

-- ... and the injectors' names.
CREATE VIEW read_model.analytics_injector WITH (security_invoker = true) AS
SELECT u.clinic_id, u.id, u.display_name
  FROM user_account u;

GRANT SELECT ON ALL TABLES IN SCHEMA read_model TO ${app_role};
