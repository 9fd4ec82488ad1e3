-- Issue 22: EST (RFC 7030). The template's EST tab: on or off, the label of its URL
-- (/.well-known/est/{label}/, unique in the installation), and whether enrollments wait for an
-- administrator (202 + Retry-After until signed).
ALTER TABLE certificate_template ADD COLUMN est_enabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN est_label VARCHAR(64);
ALTER TABLE certificate_template ADD COLUMN est_approval BOOLEAN DEFAULT FALSE NOT NULL;
CREATE UNIQUE INDEX ux_certificate_template_est_label ON certificate_template (est_label);

-- The EST HTTP Basic credentials of a template: a username and a slow hash of the password,
-- which the server generates and shows once.
CREATE TABLE est_secret (
    template_id      CHAR(36)     NOT NULL PRIMARY KEY,
    username         VARCHAR(128) NOT NULL,
    password_hash    VARCHAR(255) NOT NULL,
    updated_at       ${datetime}  NOT NULL
);

-- An EST request remembers the SHA-256 of its CSR, so that the client's retry after 202
-- (RFC 7030 §4.2.3) finds it.
ALTER TABLE certificate_request ADD COLUMN est_csr_hash VARCHAR(64);
CREATE INDEX ix_certificate_request_est ON certificate_request (est_csr_hash);
