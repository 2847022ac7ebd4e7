-- Reporting: updates point at the entry they update (in the same clinic), and the questions that belong to one
-- symptom are only ever answered for it.

ALTER TABLE symptom_entry
    ADD CONSTRAINT symptom_entry_updates_fk FOREIGN KEY (clinic_id, updates_entry_id)
        REFERENCES symptom_entry (clinic_id, id);
CREATE INDEX symptom_entry_updates_idx ON symptom_entry (clinic_id, updates_entry_id)
    WHERE updates_entry_id IS NOT NULL;

ALTER TABLE symptom_entry
    ADD CONSTRAINT symptom_entry_red_flags_headache_only CHECK (symptom = 'HEADACHE'
        OR (sudden_worst_ever IS NULL AND fever_or_stiff_neck IS NULL AND neurological_signs IS NULL));
ALTER TABLE symptom_entry
    ADD CONSTRAINT symptom_entry_description_other_only CHECK (symptom = 'OTHER' OR other_description IS NULL);
