-- Requests sent through any instance for the instance that runs a plan (cluster mode): live changes and stops.
-- The sending instance writes a WAITING row and waits for its answer; the running instance takes it (TAKEN),
-- carries it out and writes the answer (ANSWERED). A row nobody took in time is CANCELLED by its sender.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE plan_command (
    id            VARCHAR(36)              NOT NULL PRIMARY KEY,
    plan_id       VARCHAR(36)              NOT NULL,
    target        VARCHAR(200)             NOT NULL,
    kind          VARCHAR(20)              NOT NULL,
    body          TEXT,
    state         VARCHAR(20)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    answer_status INTEGER,
    answer_type   VARCHAR(100),
    answer        TEXT,
    answered_at   TIMESTAMP WITH TIME ZONE
);

CREATE INDEX plan_command_target_idx ON plan_command (target, state);
