-- Issue 18: each CA's time-stamp authority can be turned off (its URL then answers 404), and it
-- grants tokens under a policy of the owner's choosing (RFC 3161 §2.4.1: reqPolicy), beside the
-- operator's default <arc>.1. A null default policy means the operator's; the accepted policies
-- are dotted OIDs separated by single spaces, null for none but the default.
ALTER TABLE certificate_authority ADD COLUMN tsa_enabled BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE certificate_authority ADD COLUMN tsa_default_policy VARCHAR(200);
ALTER TABLE certificate_authority ADD COLUMN tsa_accepted_policies VARCHAR(2000);
