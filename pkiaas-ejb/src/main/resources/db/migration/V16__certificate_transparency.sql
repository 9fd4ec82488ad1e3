-- Certificate Transparency (RFC 6962) per template: each log with the key its SCTs are checked
-- with. The former comma-separated URL list carried no keys and was never used for issuance, so it
-- is dropped rather than converted: such logs must be entered again with their keys.
CREATE TABLE template_ct_log (
    template_id      CHAR(36)       NOT NULL,
    position         INT            NOT NULL,
    url              VARCHAR(1000)  NOT NULL,
    public_key       VARCHAR(1000)  NOT NULL,
    not_after_from   ${datetime},
    not_after_until  ${datetime},
    timeout_millis   INT,
    PRIMARY KEY (template_id, position),
    CONSTRAINT fk_template_ct_log FOREIGN KEY (template_id) REFERENCES certificate_template (id)
        ON DELETE CASCADE
);
ALTER TABLE certificate_template ADD COLUMN scts_required INT;
ALTER TABLE certificate_template DROP COLUMN ct_log_urls;

-- The precertificate of a certificate with embedded SCTs: same serial, so revoking the certificate
-- revokes it too (RFC 6962 §3.1).
ALTER TABLE issued_certificate ADD COLUMN precertificate ${blob};

-- A CT submission that did not gather enough SCTs: nothing was issued, and this is what the
-- administrator sees of it. Written in its own transaction, so it outlives the failed issuance.
CREATE TABLE ct_attempt (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    ca_id           CHAR(36)      NOT NULL,
    template_id     CHAR(36),
    request_id      CHAR(36),
    precertificate  ${blob}       NOT NULL,
    answers         ${text}       NOT NULL,
    created_at      ${datetime}   NOT NULL
);
CREATE INDEX ix_ct_attempt_request ON ct_attempt (request_id);
CREATE INDEX ix_ct_attempt_ca ON ct_attempt (ca_id, created_at);
