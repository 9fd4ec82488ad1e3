-- ACME (RFC 8555): policies tie an ACME account to a CA and a template; external account
-- bindings (RFC 8555 §7.3.4) admit new accounts; orders and authorizations carry the protocol's
-- state so that any node can answer; nonces are single-use and shared by every node.

CREATE TABLE acme_policy (
    id                    CHAR(36)      NOT NULL PRIMARY KEY,
    ca_id                 CHAR(36)      NOT NULL,
    template_id           CHAR(36)      NOT NULL,
    name                  VARCHAR(200)  NOT NULL,
    pre_approved_domains  VARCHAR(4000),
    created_at            ${datetime}   NOT NULL,
    version               INT           NOT NULL,
    CONSTRAINT uk_acme_policy_name UNIQUE (ca_id, name),
    CONSTRAINT fk_acme_policy_ca FOREIGN KEY (ca_id) REFERENCES certificate_authority (id),
    CONSTRAINT fk_acme_policy_template FOREIGN KEY (template_id) REFERENCES certificate_template (id)
);

-- The HMAC key is AES-GCM wrapped under the master key; it is shown once, at creation.
CREATE TABLE acme_eab (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    policy_id     CHAR(36)      NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    algorithm     VARCHAR(8)    NOT NULL,
    hmac_key      ${blob}       NOT NULL,
    allowed_uses  INT           NOT NULL,
    used          INT           NOT NULL,
    expires_at    ${datetime}   NOT NULL,
    created_at    ${datetime}   NOT NULL,
    version       INT           NOT NULL,
    CONSTRAINT uk_acme_eab_name UNIQUE (policy_id, name),
    CONSTRAINT fk_acme_eab_policy FOREIGN KEY (policy_id) REFERENCES acme_policy (id)
);

-- eab_id is a plain column: deleting a binding leaves the accounts it admitted working.
CREATE TABLE acme_account (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    policy_id       CHAR(36)      NOT NULL,
    eab_id          CHAR(36),
    key_thumbprint  VARCHAR(64)   NOT NULL,
    jwk             VARCHAR(4000) NOT NULL,
    contact         VARCHAR(2000),
    status          VARCHAR(16)   NOT NULL,
    created_at      ${datetime}   NOT NULL,
    version         INT           NOT NULL,
    CONSTRAINT uk_acme_account_key UNIQUE (key_thumbprint),
    CONSTRAINT fk_acme_account_policy FOREIGN KEY (policy_id) REFERENCES acme_policy (id)
);

CREATE TABLE acme_order (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    account_id      CHAR(36)      NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    identifiers     VARCHAR(4000) NOT NULL,
    expires_at      ${datetime}   NOT NULL,
    certificate_id  CHAR(36),
    -- the certificate this order renews (RFC 9773 §5, "replaces")
    replaces        CHAR(36),
    created_at      ${datetime}   NOT NULL,
    version         INT           NOT NULL,
    CONSTRAINT fk_acme_order_account FOREIGN KEY (account_id) REFERENCES acme_account (id)
);
CREATE INDEX ix_acme_order_account ON acme_order (account_id, created_at);
CREATE INDEX ix_acme_order_certificate ON acme_order (certificate_id);
CREATE INDEX ix_acme_order_replaces ON acme_order (replaces);

CREATE TABLE acme_authorization (
    id                CHAR(36)      NOT NULL PRIMARY KEY,
    order_id          CHAR(36)      NOT NULL,
    identifier_type   VARCHAR(8)    NOT NULL,
    identifier_value  VARCHAR(255)  NOT NULL,
    wildcard          BOOLEAN       NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    expires_at        ${datetime}   NOT NULL,
    version           INT           NOT NULL,
    CONSTRAINT fk_acme_authz_order FOREIGN KEY (order_id) REFERENCES acme_order (id)
);
CREATE INDEX ix_acme_authz_order ON acme_authorization (order_id);

CREATE TABLE acme_nonce (
    nonce       VARCHAR(64)  NOT NULL PRIMARY KEY,
    expires_at  ${datetime}  NOT NULL
);
CREATE INDEX ix_acme_nonce_expires ON acme_nonce (expires_at);

-- A challenge's validation runs on a managed executor; its state is here, so any node can answer.
CREATE TABLE acme_challenge (
    id                CHAR(36)      NOT NULL PRIMARY KEY,
    authorization_id  CHAR(36)      NOT NULL,
    type              VARCHAR(16)   NOT NULL,
    token             VARCHAR(64)   NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    attempts          INT           NOT NULL,
    error_type        VARCHAR(32),
    error             VARCHAR(2000),
    validated_at      ${datetime},
    version           INT           NOT NULL,
    CONSTRAINT fk_acme_challenge_authz FOREIGN KEY (authorization_id) REFERENCES acme_authorization (id)
);
CREATE INDEX ix_acme_challenge_authz ON acme_challenge (authorization_id);
