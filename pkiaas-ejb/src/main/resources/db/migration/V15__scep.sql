-- Issue 17: SCEP. The template's SCEP secrets live apart from its settings: the static
-- passphrase as a SHA-256 hash (it is server-generated, 160 bits, so a fast hash suffices).
CREATE TABLE scep_secret (
    template_id      CHAR(36)     NOT NULL PRIMARY KEY,
    passphrase_hash  VARCHAR(64),
    updated_at       ${datetime}  NOT NULL
);

-- A SCEP request remembers its transactionID, so that CertPoll (GetCertInitial) finds it.
ALTER TABLE certificate_request ADD COLUMN scep_transaction_id VARCHAR(128);
CREATE INDEX ix_certificate_request_scep ON certificate_request (template_id, scep_transaction_id);

-- The template's SCEP tab: requests wait for an administrator (PENDING, then CertPoll).
ALTER TABLE certificate_template ADD COLUMN scep_approval BOOLEAN DEFAULT FALSE NOT NULL;

-- One-time challenge passwords (NDES compatibility, guide 6.3): kept as SHA-256 hashes, deleted
-- when used; bound to a pre-approved request when an Apple configuration profile carries one.
CREATE TABLE scep_challenge (
    id                CHAR(36)     NOT NULL PRIMARY KEY,
    template_id       CHAR(36)     NOT NULL,
    password_hash     VARCHAR(64)  NOT NULL,
    request_id        CHAR(36),
    created_at        ${datetime}  NOT NULL,
    expires_at        ${datetime}  NOT NULL
);
CREATE INDEX ix_scep_challenge_template ON scep_challenge (template_id, password_hash);

-- NDES Basic authentication for the mscep_admin page: a username and a slow password hash.
ALTER TABLE scep_secret ADD COLUMN ndes_username VARCHAR(128);
ALTER TABLE scep_secret ADD COLUMN ndes_password_hash VARCHAR(255);

-- The template's IP list limits the SCEP URL, the NDES page, or both.
ALTER TABLE certificate_template ADD COLUMN scep_ip_acl_scope VARCHAR(8) DEFAULT 'BOTH' NOT NULL;
