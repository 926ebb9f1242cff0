-- Nightly re-optimization, claims of several instances on one database, and nightly run reports.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL 15.
ALTER TABLE plan ADD COLUMN nightly BOOLEAN DEFAULT FALSE NOT NULL;
-- the instance that holds the plan (queued or solving there, or being re-optimized) until claimed_until
ALTER TABLE plan ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE plan ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
-- how many runs started solving (SCHEDULED -> SOLVING), over the plan's life
ALTER TABLE plan ADD COLUMN solve_count INTEGER DEFAULT 0 NOT NULL;

CREATE INDEX plan_claimed_by_idx ON plan (claimed_by);

CREATE TABLE nightly_run (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    plan_id      VARCHAR(36)              NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(20)              NOT NULL,
    score_before VARCHAR(200),
    score_after  VARCHAR(200),
    kpis_before  TEXT,
    kpis_after   TEXT,
    error        VARCHAR(4000)
);

CREATE INDEX nightly_run_started_idx ON nightly_run (started_at);
