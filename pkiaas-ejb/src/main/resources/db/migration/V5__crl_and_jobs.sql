-- Status services: each CA's CRL state (a revision bumped by every status change, the last CRL
-- number handed out, a build lease), the complete CRLs built (stored in parts so that a
-- CRL of a million entries stays below any packet limit), and the cluster-wide locks that make
-- the batch jobs run once per cluster. Delta CRLs are small; each node builds its own.

-- When a certificate's status last changed (revoked, held, released): the delta CRL's source.
ALTER TABLE issued_certificate ADD COLUMN status_changed_at ${datetime};
CREATE INDEX ix_issued_status_changed ON issued_certificate (ca_id, status_changed_at);
UPDATE issued_certificate SET status_changed_at = revoked_at WHERE revoked_at IS NOT NULL;

-- How long a complete CRL is valid, per CA (RFC 5280 §5.1.2.5 nextUpdate).
ALTER TABLE certificate_authority ADD COLUMN crl_validity_days INT DEFAULT 30 NOT NULL;

CREATE TABLE crl_state (
    ca_id          CHAR(36)    NOT NULL PRIMARY KEY,
    revision       BIGINT      NOT NULL,
    last_number    BIGINT      NOT NULL,
    lease_holder   VARCHAR(100),
    lease_until    ${datetime},
    CONSTRAINT fk_crl_state_ca FOREIGN KEY (ca_id) REFERENCES certificate_authority (id)
);
INSERT INTO crl_state (ca_id, revision, last_number) SELECT id, 1, 0 FROM certificate_authority;

CREATE TABLE published_crl (
    id           CHAR(36)    NOT NULL PRIMARY KEY,
    ca_id        CHAR(36)    NOT NULL,
    crl_number   BIGINT      NOT NULL,
    revision     BIGINT      NOT NULL,
    entries      BIGINT      NOT NULL,
    this_update  ${datetime} NOT NULL,
    next_update  ${datetime} NOT NULL,
    -- when the entries were read: a delta built on this CRL lists the changes since then
    read_at      ${datetime} NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    parts        INT         NOT NULL,
    CONSTRAINT uk_published_crl_number UNIQUE (ca_id, crl_number),
    CONSTRAINT fk_published_crl_ca FOREIGN KEY (ca_id) REFERENCES certificate_authority (id)
);

CREATE TABLE crl_part (
    crl_id CHAR(36) NOT NULL,
    seq    INT      NOT NULL,
    data   ${blob}  NOT NULL,
    CONSTRAINT pk_crl_part PRIMARY KEY (crl_id, seq),
    CONSTRAINT fk_crl_part_crl FOREIGN KEY (crl_id) REFERENCES published_crl (id)
);

-- One row per batch job: which node holds it (until when), and the last schedule slot started,
-- so that timers firing on every node start each slot once.
CREATE TABLE job_lock (
    name          VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder        VARCHAR(100),
    locked_until  ${datetime},
    last_slot     ${datetime},
    execution_id  BIGINT
);
INSERT INTO job_lock (name) VALUES ('crl-regeneration');
INSERT INTO job_lock (name) VALUES ('ocsp-signer-renewal');
