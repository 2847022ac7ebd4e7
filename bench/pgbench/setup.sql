-- The two physical limits of the app's hot paths, in a database of their own on the same server.
-- insert: one row into an 11-column table with a primary key and a (clinic_id, time) index, like symptom_report.
-- page:   a 1,000,000-row table, 50 rows of one clinic ordered by time through a (clinic_id, time) index.
DROP TABLE IF EXISTS limit_insert, limit_page;
CREATE TABLE limit_insert (
    id           uuid        NOT NULL,
    clinic_id    int         NOT NULL,
    patient_id   int         NOT NULL,
    treatment_id int         NOT NULL,
    form_token   uuid        NOT NULL,
    submitted_at timestamptz NOT NULL,
    severity     smallint    NOT NULL,
    symptom      varchar(40) NOT NULL,
    ongoing      boolean     NOT NULL,
    notes        varchar(2000),
    version      bigint      NOT NULL,
    PRIMARY KEY (clinic_id, id)
);
CREATE INDEX limit_insert_clinic_time_idx ON limit_insert (clinic_id, submitted_at DESC);
CREATE TABLE limit_page (
    id           bigint      NOT NULL PRIMARY KEY,
    clinic_id    int         NOT NULL,
    patient_id   int         NOT NULL,
    submitted_at timestamptz NOT NULL,
    symptom      varchar(40) NOT NULL,
    severity     smallint    NOT NULL,
    notes        varchar(200)
);
INSERT INTO limit_page
SELECT g, 1 + g % 100, g % 200000, now() - (g % 31536000) * interval '1 second',
       (ARRAY['HEADACHE', 'BRUISING', 'SWELLING'])[1 + g % 3], g % 10, 'note ' || g
  FROM generate_series(1, 1000000) g;
CREATE INDEX limit_page_clinic_time_idx ON limit_page (clinic_id, submitted_at DESC);
VACUUM ANALYZE limit_page;
