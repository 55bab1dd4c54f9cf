-- V2: keys, foreign keys and the indexes the fixed build needs (incidents.md section D, "Indexes").
-- Run by KeysAndIndexesMigration two statements at a time: a statement waits for every earlier
-- one that names one of its tables, so the result is the same as running the file in order.
-- Indexes come before the foreign keys so that index builds do not wait for the checks.
-- Plain DDL only (no quotes, no dollar quoting): see ParallelDdl.

ALTER TABLE users             ADD PRIMARY KEY (id);
ALTER TABLE api_tokens        ADD PRIMARY KEY (token);
ALTER TABLE households        ADD PRIMARY KEY (id);
ALTER TABLE household_members ADD PRIMARY KEY (household_id, user_id);
ALTER TABLE pets              ADD PRIMARY KEY (id);
ALTER TABLE medical_records   ADD PRIMARY KEY (id);
ALTER TABLE medications       ADD PRIMARY KEY (id);
ALTER TABLE tasks             ADD PRIMARY KEY (id);

CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE INDEX api_tokens_user_id_idx          ON api_tokens (user_id);
CREATE INDEX households_owner_id_idx         ON households (owner_id);
CREATE INDEX household_members_user_idx      ON household_members (user_id, household_id);
CREATE INDEX pets_household_id_idx           ON pets (household_id);
CREATE INDEX pets_live_created_at_idx        ON pets (created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX medical_records_pet_id_idx      ON medical_records (pet_id);
CREATE INDEX medications_medical_record_idx  ON medications (medical_record_id);
CREATE INDEX tasks_pet_id_idx                ON tasks (pet_id);
CREATE INDEX tasks_assignee_id_idx           ON tasks (assignee_id);
CREATE INDEX users_active_idx                ON users (id) WHERE active;

ALTER TABLE api_tokens        ADD FOREIGN KEY (user_id)           REFERENCES users (id);
ALTER TABLE households        ADD FOREIGN KEY (owner_id)          REFERENCES users (id);
ALTER TABLE household_members ADD FOREIGN KEY (household_id)      REFERENCES households (id);
ALTER TABLE household_members ADD FOREIGN KEY (user_id)           REFERENCES users (id);
ALTER TABLE pets              ADD FOREIGN KEY (household_id)      REFERENCES households (id);
ALTER TABLE medical_records   ADD FOREIGN KEY (pet_id)            REFERENCES pets (id);
ALTER TABLE medications       ADD FOREIGN KEY (medical_record_id) REFERENCES medical_records (id);
ALTER TABLE tasks             ADD FOREIGN KEY (pet_id)            REFERENCES pets (id);
ALTER TABLE tasks             ADD FOREIGN KEY (assignee_id)       REFERENCES users (id);
