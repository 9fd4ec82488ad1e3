-- Issue 12: the master key's check value, and complete CRLs valid for 7 days by default.

-- One row: HMAC-SHA256 of a fixed label under the master key (hex). A node whose key gives
-- another value refuses to start (MasterKeyGuard).
CREATE TABLE master_key_check (
    id           INT          NOT NULL PRIMARY KEY,
    check_value  VARCHAR(64)  NOT NULL,
    created_at   ${datetime}  NOT NULL
);

-- The Baseline Requirements allow at most 10 days; CAs still on the old 30-day default move to 7.
UPDATE certificate_authority SET crl_validity_days = 7 WHERE crl_validity_days = 30;
ALTER TABLE certificate_authority ALTER COLUMN crl_validity_days SET DEFAULT 7;
