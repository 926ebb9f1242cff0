-- Webhook deliveries: one row per (event, webhook), written before the first try, so that retries survive a
-- restart and several instances on one database share them. A row is PENDING until a 2xx answer (DELIVERED) or
-- techroute.webhooks.max-attempts tries (GAVE_UP). The instance that sends a try claims the row first
-- (claimed_by until claimed_until), like plan claims (V2); an expired claim is taken by another instance.
-- Deleting a webhook deletes its deliveries. Portable between H2 (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE webhook_delivery (
    event_id        VARCHAR(36)              NOT NULL,
    webhook_id      VARCHAR(36)              NOT NULL,
    event_type      VARCHAR(40)              NOT NULL,
    plan_id         VARCHAR(36),
    -- the JSON event exactly as signed and sent on every try
    body            TEXT                     NOT NULL,
    state           VARCHAR(20)              NOT NULL,
    -- tries made so far; the next one sends X-Techroute-Attempt: attempts + 1
    attempts        INTEGER DEFAULT 0        NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the HTTP status of the last try, or a short reason (e.g. "no answer within PT5S")
    last_answer     VARCHAR(200),
    claimed_by      VARCHAR(200),
    claimed_until   TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (event_id, webhook_id),
    CONSTRAINT webhook_delivery_webhook_fk FOREIGN KEY (webhook_id) REFERENCES webhook (id) ON DELETE CASCADE
);

CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (state, next_attempt_at);
CREATE INDEX webhook_delivery_webhook_idx ON webhook_delivery (webhook_id, created_at);
