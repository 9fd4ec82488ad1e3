-- Every RFC 3161 or Authenticode time stamp a CA's time-stamping unit granted (unless the operator
-- turned the record off): what was stamped (the hash, never the data), when and for whom, so that
-- an administrator can answer "did this CA stamp this at that time".
CREATE TABLE timestamp_token (
    serial_number    VARCHAR(40)   NOT NULL PRIMARY KEY,
    ca_id            CHAR(36)      NOT NULL,
    protocol         VARCHAR(16)   NOT NULL,
    gen_time         ${datetime}   NOT NULL,
    hash_algorithm   VARCHAR(100)  NOT NULL,
    message_imprint  VARCHAR(200)  NOT NULL,
    policy           VARCHAR(200),
    requester        VARCHAR(64)
);
CREATE INDEX ix_timestamp_token_ca_time ON timestamp_token (ca_id, gen_time);
CREATE INDEX ix_timestamp_token_imprint ON timestamp_token (message_imprint);
