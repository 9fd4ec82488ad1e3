-- The audit log becomes tamper-evident and tenant-scoped. Each event names the tenant (the owner of
-- the CA it concerns, else the acting account) and the CA; a sealing step, after the event's own
-- transaction, puts it on its tenant's chain: a sequence number, the MAC of the previous event and
-- its own MAC (HMAC-SHA256 under a key derived from the master key). audit_chain holds each chain's
-- head, itself MACed, so cutting off the newest events is found too.
ALTER TABLE audit_event ADD COLUMN tenant_id CHAR(36);
ALTER TABLE audit_event ADD COLUMN ca_id CHAR(36);
ALTER TABLE audit_event ADD COLUMN chain_id VARCHAR(36) DEFAULT 'system' NOT NULL;
ALTER TABLE audit_event ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_event ADD COLUMN previous_mac CHAR(64);
ALTER TABLE audit_event ADD COLUMN mac CHAR(64);
-- Events written before this change belong to the chain of whoever did them.
UPDATE audit_event SET tenant_id = actor_id;
UPDATE audit_event SET chain_id = actor_id WHERE actor_id IS NOT NULL;
CREATE INDEX ix_audit_event_tenant ON audit_event (tenant_id, occurred_at);
CREATE UNIQUE INDEX uk_audit_event_chain ON audit_event (chain_id, chain_seq);
CREATE INDEX ix_audit_event_unsealed ON audit_event (chain_seq, occurred_at);

CREATE TABLE audit_chain (
    chain_id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    last_seq   BIGINT       NOT NULL,
    last_mac   CHAR(64)     NOT NULL,
    head_mac   CHAR(64)     NOT NULL,
    sealed_at  ${datetime}  NOT NULL
);

-- One row: whoever seals holds its lock, so nodes seal one after another, never issuance.
CREATE TABLE audit_seal_lock (
    id  INT NOT NULL PRIMARY KEY
);
INSERT INTO audit_seal_lock (id) VALUES (1);
