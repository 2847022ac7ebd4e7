-- EXPLAIN (ANALYZE, BUFFERS) of the dashboard's read-model queries, copied from the classes named above each
-- one, with the benchmark's own parameters (clinic 1, its clinician, an open flag, a patient with history). Most
-- read the views of V24__read_models.sql (docs/modules.md), which PostgreSQL inlines: their plans are those of the
-- tables underneath.
-- The application sends them as prepared statements; these are the same statements with literals.
-- Run: psql -U aftercare_app -d aftercare_bench -f bench/explain.sql
\set ON_ERROR_STOP 1
\pset pager off
-- As the app's role (bench/run.sh runs this file as APP_DB_USER) in clinic 1's scope, as the app runs them: the plans
-- show the row-level security filters and the planner's estimates under them (V17).
BEGIN;
SELECT set_config('app.clinic_id', md5('clinic1')::uuid::text, true), set_config('app.all_clinics', 'off', true) \g /dev/null
SELECT md5('clinic1')::uuid AS clinic, md5('clinician1')::uuid AS me, md5('patient100')::uuid AS patient,
       md5('patient1000')::uuid AS fresh_patient \gset
SELECT id AS flag, treatment_id AS treatment FROM flag
 WHERE clinic_id = :'clinic' AND status <> 'RESOLVED' ORDER BY priority_rank, raised_at LIMIT 1 \gset
SELECT (now() - interval '12 months')::date AS year_from, (now() + interval '1 day')::date AS year_to \gset

\echo '### triage/FlagQueue.page (open view, first page of 50; no patient or treatment filter: the flags first)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT f.id, f.patient_id, p.given_name, p.family_name, f.rule_code, f.priority, f.status, f.serious,
       f.symptoms, f.evidence, f.raised_at, t.treated_at, u.display_name AS injector,
       a.display_name AS assignee, f.priority_rank, f.resolved_at
  FROM (SELECT * FROM flag f WHERE f.clinic_id = :'clinic' AND f.status <> 'RESOLVED'
         ORDER BY f.priority_rank, f.raised_at, f.id LIMIT 51) f
  JOIN read_model.flag_queue_patient p ON p.clinic_id = f.clinic_id AND p.id = f.patient_id
  JOIN read_model.flag_queue_treatment t ON t.clinic_id = f.clinic_id AND t.id = f.treatment_id
  JOIN read_model.flag_queue_staff u ON u.clinic_id = t.clinic_id AND u.id = t.injector_id
  LEFT JOIN read_model.flag_queue_staff a ON a.clinic_id = f.clinic_id AND a.id = f.acknowledged_by
 ORDER BY f.priority_rank, f.raised_at, f.id;

\echo '### triage/FlagQueue.page (resolved view, first page of 50; no patient or treatment filter: the flags first)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT f.id, f.patient_id, p.given_name, p.family_name, f.rule_code, f.priority, f.status, f.serious,
       f.symptoms, f.evidence, f.raised_at, t.treated_at, u.display_name AS injector,
       a.display_name AS assignee, f.priority_rank, f.resolved_at
  FROM (SELECT * FROM flag f WHERE f.clinic_id = :'clinic' AND f.status = 'RESOLVED'
         ORDER BY f.resolved_at DESC, f.id DESC LIMIT 51) f
  JOIN read_model.flag_queue_patient p ON p.clinic_id = f.clinic_id AND p.id = f.patient_id
  JOIN read_model.flag_queue_treatment t ON t.clinic_id = f.clinic_id AND t.id = f.treatment_id
  JOIN read_model.flag_queue_staff u ON u.clinic_id = t.clinic_id AND u.id = t.injector_id
  LEFT JOIN read_model.flag_queue_staff a ON a.clinic_id = f.clinic_id AND a.id = f.acknowledged_by
 ORDER BY f.resolved_at DESC, f.id DESC;

\echo '### triage/FlagQueue.page (open view, filtered by product and patient name: all joined, then ordered)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT f.id, f.patient_id, p.given_name, p.family_name, f.rule_code, f.priority, f.status, f.serious,
       f.symptoms, f.evidence, f.raised_at, t.treated_at, u.display_name AS injector,
       a.display_name AS assignee, f.priority_rank, f.resolved_at
  FROM flag f
  JOIN read_model.flag_queue_patient p ON p.clinic_id = f.clinic_id AND p.id = f.patient_id
  JOIN read_model.flag_queue_treatment t ON t.clinic_id = f.clinic_id AND t.id = f.treatment_id
  JOIN read_model.flag_queue_staff u ON u.clinic_id = t.clinic_id AND u.id = t.injector_id
  LEFT JOIN read_model.flag_queue_staff a ON a.clinic_id = f.clinic_id AND a.id = f.acknowledged_by
 WHERE f.clinic_id = :'clinic' AND f.status <> 'RESOLVED' AND t.product = 'ONABOTULINUMTOXINA'
   AND (p.given_name || ' ' || p.family_name) ILIKE '%a%'
 ORDER BY f.priority_rank, f.raised_at, f.id LIMIT 51;

\echo '### account/UserAccountRepository.findByClinicIdAndRoleOrderByDisplayName (the queue page\'s injector filter)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT * FROM user_account WHERE clinic_id = :'clinic' AND role = 'CLINICIAN' ORDER BY display_name;

\echo '### triage/FlagQueue.openCounts'
EXPLAIN (ANALYZE, BUFFERS)
SELECT priority_rank, count(*) FROM flag WHERE clinic_id = :'clinic' AND status <> 'RESOLVED' GROUP BY priority_rank;

\echo '### triage/FlagQueue.raisedSince'
EXPLAIN (ANALYZE, BUFFERS)
SELECT count(*) FROM flag WHERE clinic_id = :'clinic' AND last_raised_at > now() - interval '5 minutes';

\echo '### triage/FlagPage.flag'
EXPLAIN (ANALYZE, BUFFERS)
SELECT f.id, f.version, f.patient_id, f.treatment_id, f.rule_code, f.priority, f.status, f.serious,
       f.may_have_other_cause, f.symptoms, f.evidence, f.source, f.other_causes, f.raised_at,
       f.acknowledged_at, f.acknowledged_by_name, f.follow_up_requested_at, f.resolved_at, f.outcome,
       f.causality, f.seriousness, f.seriousness_criteria, f.resolution_note
  FROM read_model.flag_page f
 WHERE f.clinic_id = :'clinic' AND f.id = :'flag';

\echo '### triage/FlagPage.episodeFlags'
EXPLAIN (ANALYZE, BUFFERS)
SELECT f.id, f.version, f.patient_id, f.treatment_id, f.rule_code, f.priority, f.status, f.serious,
       f.may_have_other_cause, f.symptoms, f.evidence, f.source, f.other_causes, f.raised_at,
       f.acknowledged_at, f.acknowledged_by_name, f.follow_up_requested_at, f.resolved_at, f.outcome,
       f.causality, f.seriousness, f.seriousness_criteria, f.resolution_note
  FROM read_model.flag_page f
 WHERE f.clinic_id = :'clinic' AND f.treatment_id = :'treatment'
 ORDER BY CASE f.priority WHEN 'EMERGENCY' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END, f.raised_at;

\echo '### triage/FlagPage.actions'
EXPLAIN (ANALYZE, BUFFERS)
SELECT x.occurred_at, x.actor, x.action, x.detail
  FROM read_model.flag_page_action x
 WHERE x.clinic_id = :'clinic' AND x.flag_id = :'flag'
 ORDER BY x.occurred_at, x.id;

\echo '### triage/FlagPage.evidence'
EXPLAIN (ANALYZE, BUFFERS)
SELECT recorded_at, priority, evidence FROM flag_evidence
 WHERE clinic_id = :'clinic' AND flag_id = :'flag' ORDER BY recorded_at, id;

\echo '### report/ReportService.episode (the flag page chart and every submit: all reports of the episode with entries)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT r.*, e.* FROM symptom_report r LEFT JOIN symptom_entry e ON e.clinic_id = r.clinic_id AND e.report_id = r.id
 WHERE r.clinic_id = :'clinic' AND r.treatment_id = :'treatment' ORDER BY r.submitted_at;

\echo '### dashboard/PatientList.page (first page, no search)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT p.id, p.given_name, p.family_name, p.date_of_birth, p.latest_treated_at, p.latest_product,
       p.open_flags
  FROM read_model.patient_list p
 WHERE p.clinic_id = :'clinic'
   AND (CAST(NULL AS text) IS NULL OR (p.given_name || ' ' || p.family_name) ILIKE NULL)
   AND (CAST(NULL AS text) IS NULL OR (p.family_name, p.given_name, p.id) > (NULL, NULL, NULL::uuid))
 ORDER BY p.family_name, p.given_name, p.id
 LIMIT 51;

\echo '### dashboard/PatientList.page (search "smith")'
EXPLAIN (ANALYZE, BUFFERS)
SELECT p.id, p.given_name, p.family_name, p.date_of_birth, p.latest_treated_at, p.latest_product,
       p.open_flags
  FROM read_model.patient_list p
 WHERE p.clinic_id = :'clinic'
   AND (CAST('%smith%' AS text) IS NULL OR (p.given_name || ' ' || p.family_name) ILIKE '%smith%')
 ORDER BY p.family_name, p.given_name, p.id
 LIMIT 51;

\echo '### dashboard/PatientTimeline.treatments'
EXPLAIN (ANALYZE, BUFFERS)
SELECT t.id, t.treated_at, t.product, t.lot_number, t.indication, t.injector, t.areas
  FROM read_model.patient_treatment t
 WHERE t.clinic_id = :'clinic' AND t.patient_id = :'patient'
 ORDER BY t.treated_at DESC, t.id DESC
 LIMIT 201;

\echo '### dashboard/PatientTimeline.flags'
EXPLAIN (ANALYZE, BUFFERS)
SELECT f.id, f.treatment_id, f.rule_code, f.priority, f.status, f.serious, f.evidence, f.raised_at, f.resolved_at
  FROM read_model.patient_flag f
 WHERE f.clinic_id = :'clinic' AND f.patient_id = :'patient'
 ORDER BY f.raised_at DESC, f.id DESC
 LIMIT 201;

\echo '### report/ReportService.history (GET /me: latest 200 report ids, then the reports with entries)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT r.id FROM symptom_report r WHERE r.clinic_id = :'clinic' AND r.patient_id = :'patient'
 ORDER BY r.submitted_at DESC LIMIT 200;

\echo '### dashboard/ClinicReportList.page (first page)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT r.id, r.submitted_at, r.patient_id, r.given_name, r.family_name, r.product, r.treated_at,
       r.no_new_symptoms, r.symptoms, r.max_severity
  FROM read_model.report_list r
 WHERE r.clinic_id = :'clinic'
   AND (CAST(NULL AS timestamptz) IS NULL OR (r.submitted_at, r.id) < (NULL::timestamptz, NULL::uuid))
 ORDER BY r.submitted_at DESC, r.id DESC
 LIMIT 51;

\echo '### dashboard/AnalyticsQuery (PRODUCT, HEADACHE, the clinic''s last 12 months: the analytics page default)'
EXPLAIN (ANALYZE, BUFFERS)
WITH episode AS MATERIALIZED (
  SELECT t.id, t.product, t.injector_id,
         EXISTS (SELECT 1 FROM read_model.analytics_report r
                  WHERE r.clinic_id = t.clinic_id AND r.treatment_id = t.id
                    AND r.submitted_at >= t.treated_at
                    AND r.submitted_at <= t.treated_at + INTERVAL '14 days') AS answered,
         EXISTS (SELECT 1 FROM read_model.analytics_symptom s
                  WHERE s.clinic_id = t.clinic_id AND s.treatment_id = t.id
                    AND s.symptom = 'HEADACHE' AND NOT s.pre_existing
                    AND s.started_at >= t.treated_at
                    AND s.started_at <= t.treated_at + INTERVAL '14 days') AS with_symptom
    FROM read_model.analytics_treatment t
   WHERE t.clinic_id = :'clinic' AND t.treated_at >= :'year_from' AND t.treated_at < :'year_to'
), keyed AS (
SELECT e.product AS group_key, NULL AS group_name, e.answered, e.with_symptom
  FROM episode e
)
SELECT group_key, group_name,
       count(*) FILTER (WHERE answered) AS treatments,
       count(*) FILTER (WHERE answered AND with_symptom) AS with_symptom
  FROM keyed
 GROUP BY group_key, group_name
UNION ALL
SELECT NULL, NULL,
       count(*) FILTER (WHERE answered),
       count(*) FILTER (WHERE answered AND with_symptom)
  FROM episode;

COMMIT;
