-- Webhooks: URLs an operator registered to receive a signed JSON event when a run ends or fails.
-- The secret signs the events (HMAC-SHA256); it is needed to sign, so it is kept as given.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE webhook (
    id         VARCHAR(36)              NOT NULL PRIMARY KEY,
    url        VARCHAR(2000)            NOT NULL,
    secret     VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(200)
);
