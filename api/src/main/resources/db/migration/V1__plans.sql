-- Plans and their best solutions. Portable between H2 (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE plan (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    name                  VARCHAR(500),
    status                VARCHAR(20)   NOT NULL,
    status_reason         VARCHAR(4000),
    run_number            INTEGER       NOT NULL,
    problem_json          TEXT          NOT NULL,
    plan_json             TEXT,
    score                 VARCHAR(200),
    feasible              BOOLEAN,
    kpis_json             TEXT,
    best_score_updated_at TIMESTAMP WITH TIME ZONE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    idempotency_key       VARCHAR(200)  UNIQUE,
    request_hash          VARCHAR(64)
);

CREATE INDEX plan_created_at_idx ON plan (created_at);
CREATE INDEX plan_status_idx ON plan (status);

CREATE TABLE plan_score_history (
    plan_id VARCHAR(36)              NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    at      TIMESTAMP WITH TIME ZONE NOT NULL,
    score   VARCHAR(200)             NOT NULL
);

CREATE INDEX plan_score_history_plan_idx ON plan_score_history (plan_id, at);
