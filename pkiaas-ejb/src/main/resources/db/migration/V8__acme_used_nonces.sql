-- Replay nonces are no longer stored when handed out: a nonce carries its expiry and a MAC under a
-- key derived from the master key, so any node can check it, and only its use is recorded, once.
-- Nonces handed out before this change are refused as badNonce; clients retry with a fresh one.
DROP TABLE acme_nonce;
CREATE TABLE acme_used_nonce (
    nonce       VARCHAR(64)  NOT NULL PRIMARY KEY,
    expires_at  ${datetime}  NOT NULL
);
CREATE INDEX ix_acme_used_nonce_expires ON acme_used_nonce (expires_at);
