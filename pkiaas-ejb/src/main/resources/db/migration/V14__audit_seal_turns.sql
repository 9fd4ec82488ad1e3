-- The sealing step writes the one row of audit_seal_lock instead of only locking it: on a Galera
-- cluster row locks stay on their node, but two nodes that write the same row conflict, and the
-- second one's seal is rolled back and tried again, instead of racing the first through the chains.
ALTER TABLE audit_seal_lock ADD COLUMN turns BIGINT DEFAULT 0 NOT NULL;
