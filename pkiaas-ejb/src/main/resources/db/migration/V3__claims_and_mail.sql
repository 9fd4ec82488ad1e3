-- Claim links for approved and pre-approved requests (only the token's SHA-256 is kept),
-- and the mail outbox: mails are stored in the transaction that causes them and sent after it.

ALTER TABLE certificate_request ADD COLUMN claim_token_hash CHAR(64);
ALTER TABLE certificate_request ADD COLUMN claim_expires_at ${datetime};
ALTER TABLE certificate_request ADD COLUMN claimed_at ${datetime};
CREATE UNIQUE INDEX uk_request_claim_token ON certificate_request (claim_token_hash);

CREATE TABLE mail_outbox (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    recipient       VARCHAR(320)  NOT NULL,
    subject         VARCHAR(500)  NOT NULL,
    body            ${text}       NOT NULL,
    created_at      ${datetime}   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at ${datetime}   NOT NULL,
    sent_at         ${datetime},
    last_error      VARCHAR(1000),
    version         INT           NOT NULL
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);
