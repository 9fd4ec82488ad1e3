-- EST (RFC 7030 §3.3.2): whether a TLS client certificate of the template's CA authenticates
-- simpleenroll, beside or instead of the template's HTTP Basic credentials.
ALTER TABLE certificate_template ADD COLUMN est_client_certificate BOOLEAN DEFAULT FALSE NOT NULL;
