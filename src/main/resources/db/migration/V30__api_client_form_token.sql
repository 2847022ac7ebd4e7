-- The "Create API client" form carries a one-time token, like the report and treatment forms: a double click, a
-- refresh or Back-and-submit creates the client once. Clients made before have none.
ALTER TABLE api_client ADD COLUMN form_token UUID;
CREATE UNIQUE INDEX api_client_form_token_uk ON api_client (clinic_id, form_token) WHERE form_token IS NOT NULL;
