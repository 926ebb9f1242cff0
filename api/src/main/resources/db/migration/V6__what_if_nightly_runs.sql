-- What-if requests whose variants are solved as plans of their own (queued runs in the solver slots), and nightly
-- re-optimizations as queued runs of the plan: a report row is RUNNING (no finished_at) until the run ends.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE what_if (
    id         VARCHAR(36)              NOT NULL PRIMARY KEY,
    plan_id    VARCHAR(36)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- [{name, planId?, status?, violations?}]: the variants in the order asked, with the plan that solves each
    variants   TEXT                     NOT NULL
);

CREATE INDEX what_if_plan_idx ON what_if (plan_id, created_at);

ALTER TABLE nightly_run ALTER COLUMN finished_at DROP NOT NULL;
-- the run of the plan that re-optimizes it, and the documents before it (restored when it is not better)
ALTER TABLE nightly_run ADD COLUMN run_number INTEGER;
ALTER TABLE nightly_run ADD COLUMN problem_before TEXT;
ALTER TABLE nightly_run ADD COLUMN plan_before TEXT;
