-- Issue 17 (SCEP GetNextCACert): a CA's rollover. The successor is a CA row of its own, with the
-- same owner, subject and settings and a new key, that names the CA it follows. It stays NEXT
-- (issues nothing; self-signed at once for a root, AWAITING_CERTIFICATE until its certificate is
-- imported for an intermediate) until its owner activates it: then the predecessor's templates
-- move to it and the predecessor is retired.
ALTER TABLE certificate_authority ADD COLUMN predecessor_id CHAR(36);
ALTER TABLE certificate_authority
    ADD CONSTRAINT fk_ca_predecessor FOREIGN KEY (predecessor_id) REFERENCES certificate_authority (id);
CREATE INDEX ix_ca_predecessor ON certificate_authority (predecessor_id);
