-- Issue 17: Apple configuration profiles (user guide 6.4). A challenge bound to a pre-approved
-- request is handed out through a profile link; only the SHA-256 of the link's token is stored.
ALTER TABLE scep_challenge ADD COLUMN profile_token_hash VARCHAR(64);
CREATE INDEX ix_scep_challenge_profile ON scep_challenge (profile_token_hash);
