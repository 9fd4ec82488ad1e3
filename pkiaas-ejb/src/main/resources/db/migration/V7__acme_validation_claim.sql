-- The node validating an ACME challenge claims it, and renews the claim after every attempt. A
-- processing challenge whose claim has gone stale (its node stopped mid-validation) is taken up
-- again by any node's recovery sweep, from the attempt it had reached.
ALTER TABLE acme_challenge ADD claimed_at ${datetime};
CREATE INDEX ix_acme_challenge_status ON acme_challenge (status, claimed_at);
