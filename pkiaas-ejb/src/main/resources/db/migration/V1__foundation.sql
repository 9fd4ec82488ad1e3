-- Foundation schema: accounts, tokens, settings, audit, certificate authorities,
-- their templates, issued certificates and service credentials.
-- Placeholders ${datetime}, ${blob} and ${text} are set per database by SchemaMigration.

CREATE TABLE account (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    ${datetime}  NOT NULL,
    CONSTRAINT uk_account_username UNIQUE (username)
);

CREATE TABLE api_token (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    account_id   CHAR(36)     NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_hash   CHAR(64)     NOT NULL,
    token_prefix VARCHAR(16)  NOT NULL,
    created_at   ${datetime}  NOT NULL,
    last_used_at ${datetime},
    expires_at   ${datetime},
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_account FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE TABLE app_setting (
    name          VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);

CREATE TABLE audit_event (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    occurred_at ${datetime}   NOT NULL,
    actor_id    CHAR(36),
    actor       VARCHAR(100)  NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    object_type VARCHAR(64),
    object_id   VARCHAR(64),
    outcome     VARCHAR(16)   NOT NULL,
    detail      VARCHAR(1000)
);
CREATE INDEX ix_audit_event_actor ON audit_event (actor_id, occurred_at);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);

CREATE TABLE certificate_authority (
    id                     CHAR(36)      NOT NULL PRIMARY KEY,
    owner_id               CHAR(36)      NOT NULL,
    name                   VARCHAR(200)  NOT NULL,
    subject_dn             VARCHAR(1000) NOT NULL,
    status                 VARCHAR(32)   NOT NULL,
    key_backend            VARCHAR(16)   NOT NULL,
    key_algorithm          VARCHAR(32)   NOT NULL,
    key_spec               VARCHAR(64)   NOT NULL,
    signature_algorithm    VARCHAR(64)   NOT NULL,
    validity_days          INT           NOT NULL,
    path_length            INT,
    key_usage              VARCHAR(500)  NOT NULL,
    extended_key_usage     VARCHAR(1000) NOT NULL,
    wrapped_private_key    ${blob}       NOT NULL,
    public_key             ${blob}       NOT NULL,
    certificate            ${blob},
    chain_pem              ${text},
    csr                    ${blob},
    serial_number          VARCHAR(64),
    not_before             ${datetime},
    not_after              ${datetime},
    cps_text               ${text},
    cps_url                VARCHAR(1000),
    service_key_algorithm  VARCHAR(32)   NOT NULL,
    service_key_spec       VARCHAR(64)   NOT NULL,
    service_signature_hash VARCHAR(16)   NOT NULL,
    created_at             ${datetime}   NOT NULL,
    version                INT           NOT NULL,
    CONSTRAINT fk_ca_owner FOREIGN KEY (owner_id) REFERENCES account (id)
);
CREATE INDEX ix_ca_owner ON certificate_authority (owner_id);

CREATE TABLE certificate_template (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    ca_id       CHAR(36)      NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    starter     VARCHAR(64)   NOT NULL,
    description VARCHAR(1000),
    enabled     BOOLEAN       NOT NULL,
    created_at  ${datetime}   NOT NULL,
    CONSTRAINT uk_template_name UNIQUE (ca_id, name),
    CONSTRAINT fk_template_ca FOREIGN KEY (ca_id) REFERENCES certificate_authority (id)
);

CREATE TABLE issued_certificate (
    id                CHAR(36)      NOT NULL PRIMARY KEY,
    ca_id             CHAR(36)      NOT NULL,
    template_id       CHAR(36),
    serial_number     VARCHAR(64)   NOT NULL,
    subject_dn        VARCHAR(1000) NOT NULL,
    not_before        ${datetime}   NOT NULL,
    not_after         ${datetime}   NOT NULL,
    der               ${blob}       NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    purpose           VARCHAR(32)   NOT NULL,
    revoked_at        ${datetime},
    revocation_reason VARCHAR(32),
    created_at        ${datetime}   NOT NULL,
    CONSTRAINT uk_issued_serial UNIQUE (ca_id, serial_number),
    CONSTRAINT fk_issued_ca FOREIGN KEY (ca_id) REFERENCES certificate_authority (id),
    CONSTRAINT fk_issued_template FOREIGN KEY (template_id) REFERENCES certificate_template (id)
);
CREATE INDEX ix_issued_ca_status ON issued_certificate (ca_id, status);

CREATE TABLE service_credential (
    id                  CHAR(36)    NOT NULL PRIMARY KEY,
    ca_id               CHAR(36)    NOT NULL,
    purpose             VARCHAR(32) NOT NULL,
    certificate_id      CHAR(36)    NOT NULL,
    wrapped_private_key ${blob}     NOT NULL,
    created_at          ${datetime} NOT NULL,
    CONSTRAINT fk_service_credential_ca FOREIGN KEY (ca_id) REFERENCES certificate_authority (id),
    CONSTRAINT fk_service_credential_cert FOREIGN KEY (certificate_id) REFERENCES issued_certificate (id)
);
