-- API keys (only their SHA-256 hash is kept) and the audit trail of who changed what.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE api_key (
    id            VARCHAR(36)              NOT NULL PRIMARY KEY,
    name          VARCHAR(200)             NOT NULL,
    role          VARCHAR(20)              NOT NULL,
    technician_id VARCHAR(200),
    key_hash      VARCHAR(64)              NOT NULL UNIQUE,
    key_prefix    VARCHAR(16)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(200)             NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    revoked_by    VARCHAR(200)
);

CREATE TABLE audit_event (
    id             VARCHAR(36)              NOT NULL PRIMARY KEY,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(200)             NOT NULL,
    via            VARCHAR(20)              NOT NULL,
    action         VARCHAR(40)              NOT NULL,
    method         VARCHAR(10)              NOT NULL,
    path           VARCHAR(1000)            NOT NULL,
    plan_id        VARCHAR(36),
    status         INTEGER                  NOT NULL,
    detail         VARCHAR(2000),
    remote_address VARCHAR(100)
);

CREATE INDEX audit_event_at_idx ON audit_event (at);
CREATE INDEX audit_event_plan_idx ON audit_event (plan_id, at);
