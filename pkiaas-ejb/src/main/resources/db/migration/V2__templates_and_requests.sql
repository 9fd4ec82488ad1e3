-- Certificate templates: every option of the template editor (user guide 4.3.1).
-- Defaults are those of the Web Server starter, which every existing template is.

ALTER TABLE certificate_template ADD COLUMN allow_public_requests BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN renewal_allowed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN renewal_auto_revoke BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN renewal_window_days INT DEFAULT 30 NOT NULL;
ALTER TABLE certificate_template ADD COLUMN renewal_copy_subject BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN signature_algorithm VARCHAR(64);
ALTER TABLE certificate_template ADD COLUMN validity_days INT DEFAULT 398 NOT NULL;
ALTER TABLE certificate_template ADD COLUMN subject_from_csr BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN subject_organization VARCHAR(64);
ALTER TABLE certificate_template ADD COLUMN subject_organizational_unit VARCHAR(64);
ALTER TABLE certificate_template ADD COLUMN subject_locality VARCHAR(128);
ALTER TABLE certificate_template ADD COLUMN subject_state VARCHAR(128);
ALTER TABLE certificate_template ADD COLUMN subject_country VARCHAR(2);
ALTER TABLE certificate_template ADD COLUMN key_usage VARCHAR(500) DEFAULT 'digitalSignature,keyEncipherment' NOT NULL;
ALTER TABLE certificate_template ADD COLUMN extended_key_usage VARCHAR(1000) DEFAULT 'serverAuth' NOT NULL;
ALTER TABLE certificate_template ADD COLUMN extended_key_usage_critical BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN ocsp_no_check BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN is_ca BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN path_length INT;
ALTER TABLE certificate_template ADD COLUMN include_aia BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN aia_ca_issuers_url VARCHAR(1000);
ALTER TABLE certificate_template ADD COLUMN include_ocsp BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN include_crl BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN include_freshest_crl BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN include_policies BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN policy_oid VARCHAR(100);
ALTER TABLE certificate_template ADD COLUMN allowed_key_types VARCHAR(200) DEFAULT 'RSA,EC,ED25519,ML_DSA,SLH_DSA' NOT NULL;
ALTER TABLE certificate_template ADD COLUMN minimum_rsa_bits INT DEFAULT 2048 NOT NULL;
ALTER TABLE certificate_template ADD COLUMN allowed_san_types VARCHAR(100) DEFAULT 'DNS,IP' NOT NULL;
ALTER TABLE certificate_template ADD COLUMN allow_csr_extensions BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN scep_enabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN scep_static_passphrase BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN scep_intune BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN scep_strip_root BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN scep_ndes BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN scep_ndes_basic_auth BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN scep_ip_acl BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate_template ADD COLUMN scep_ip_acl_list VARCHAR(2000);
ALTER TABLE certificate_template ADD COLUMN ct_log_urls VARCHAR(2000);
ALTER TABLE certificate_template ADD COLUMN version INT DEFAULT 0 NOT NULL;

-- Certificate requests: everything waiting for, or on its way to, the one issuance path.
CREATE TABLE certificate_request (
    id                  CHAR(36)      NOT NULL PRIMARY KEY,
    ca_id               CHAR(36)      NOT NULL,
    template_id         CHAR(36)      NOT NULL,
    kind                VARCHAR(32)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    csr                 ${blob},
    subject_dn          VARCHAR(1000),
    subject_alt_names   VARCHAR(4000),
    validity_days       INT,
    requester_email     VARCHAR(320),
    decline_reason      VARCHAR(1000),
    certificate_id      CHAR(36),
    created_by          VARCHAR(100)  NOT NULL,
    created_at          ${datetime}   NOT NULL,
    updated_at          ${datetime}   NOT NULL,
    version             INT           NOT NULL,
    CONSTRAINT fk_request_ca FOREIGN KEY (ca_id) REFERENCES certificate_authority (id),
    CONSTRAINT fk_request_template FOREIGN KEY (template_id) REFERENCES certificate_template (id),
    CONSTRAINT fk_request_certificate FOREIGN KEY (certificate_id) REFERENCES issued_certificate (id)
);
CREATE INDEX ix_request_ca_status ON certificate_request (ca_id, status);

ALTER TABLE issued_certificate ADD COLUMN request_id CHAR(36);
ALTER TABLE issued_certificate ADD COLUMN subject_alt_names VARCHAR(4000);
ALTER TABLE issued_certificate ADD COLUMN invalidity_date ${datetime};
CREATE INDEX ix_issued_template ON issued_certificate (template_id, status);
CREATE INDEX ix_issued_expiry ON issued_certificate (ca_id, not_after);
