-- The treatment form carries a one-time token, like the patient's report form: a double click, a refresh or
-- Back-and-submit records the treatment once (and schedules its check-ins once), and leads to the one recorded.
ALTER TABLE treatment ADD COLUMN form_token UUID;
CREATE UNIQUE INDEX treatment_form_token_uk ON treatment (clinic_id, form_token) WHERE form_token IS NOT NULL;
