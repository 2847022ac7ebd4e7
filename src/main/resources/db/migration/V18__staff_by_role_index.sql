-- A clinic's staff by role, in name order: the queue's injector filter on every queue page, the staff page, the
-- analytics filters. A clinic's accounts are mostly its patients' (2,000 patients to 10 staff per clinic in the
-- benchmark), and without this index each list read all of them: 3-77 ms per queue page at 2,000,000 reports
-- (pg_stat_statements), the most expensive statement of the page (issue 8).
CREATE INDEX user_account_clinic_role_name_idx ON user_account (clinic_id, role, display_name);
