-- A password change ends the account's other console sessions: each session remembers the
-- credentials version it signed in with. A generated password must be changed at the first sign-in.
ALTER TABLE account ADD COLUMN credentials_version INT DEFAULT 0 NOT NULL;
ALTER TABLE account ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
