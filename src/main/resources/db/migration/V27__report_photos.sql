-- Photos a patient attaches to a report or an update: re-encoded as JPEG without metadata, scaled to at most 2048 px
-- on the long side, with a thumbnail made once at upload. A photo is staged (report_id NULL) from the moment it is
-- accepted until the submit of its form (form_token) attaches it, in that submit's transaction; staged rows never
-- attached are deleted by a job after a few hours.
CREATE TABLE report_photo (
    id                UUID        NOT NULL,
    clinic_id         UUID        NOT NULL,
    patient_id        UUID        NOT NULL,
    form_token        UUID        NOT NULL,
    report_id         UUID,
    -- When the camera says it was taken (EXIF DateTimeOriginal, read before the metadata is dropped); NULL if it did
    -- not say, or said something impossible.
    taken_at          TIMESTAMPTZ,
    uploaded_at       TIMESTAMPTZ NOT NULL,
    content_type      VARCHAR(20) NOT NULL,
    width             INTEGER     NOT NULL,
    height            INTEGER     NOT NULL,
    thumbnail_width   INTEGER     NOT NULL,
    thumbnail_height  INTEGER     NOT NULL,
    image             BYTEA       NOT NULL,
    thumbnail         BYTEA       NOT NULL,
    PRIMARY KEY (clinic_id, id),
    FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id),
    FOREIGN KEY (clinic_id, report_id) REFERENCES symptom_report (clinic_id, id)
);
-- JPEG does not compress further: stored out of line without PostgreSQL trying to, and never read by the pages that
-- list photos (they select the other columns only).
ALTER TABLE report_photo ALTER COLUMN image SET STORAGE EXTERNAL;
ALTER TABLE report_photo ALTER COLUMN thumbnail SET STORAGE EXTERNAL;
-- A report's photos (the flag page and the patient's page, through the episode's or patient's reports).
CREATE INDEX report_photo_report_idx ON report_photo (clinic_id, report_id) WHERE report_id IS NOT NULL;
-- A patient's photos (the recovery page, the export, erasure) and a form's staged ones.
CREATE INDEX report_photo_patient_idx ON report_photo (clinic_id, patient_id, form_token);
-- The job that deletes staged photos never attached.
CREATE INDEX report_photo_staged_idx ON report_photo (uploaded_at) WHERE report_id IS NULL;

-- Like every clinic table (V16, in V17's form): the app role sees only the rows of the clinic its transaction names.
ALTER TABLE report_photo ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_photo_clinic_isolation ON report_photo TO ${app_role}
    USING (CASE WHEN current_setting('app.all_clinics', true) = 'on' THEN true
                ELSE clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid END)
    WITH CHECK (CASE WHEN current_setting('app.all_clinics', true) = 'on' THEN true
                     ELSE clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid END);
