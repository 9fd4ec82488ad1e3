-- Renewal finds the certificate being renewed by its public key: the SHA-256 of its
-- SubjectPublicKeyInfo, hex. Certificates issued before this migration have none and are not
-- renewable through the key-proof endpoint.
ALTER TABLE issued_certificate ADD COLUMN public_key_sha256 CHAR(64);
CREATE INDEX ix_issued_public_key ON issued_certificate (ca_id, public_key_sha256);
