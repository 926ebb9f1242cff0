package org.techroute.api.nightly;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The nightly batch's tables: which plans are marked ({@code plan.nightly}) and the reports ({@code nightly_run}). */
@Repository
public class NightlyRuns {

    private final JdbcClient jdbc;

    public NightlyRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks a plan for the nightly batch (or not); false when there is no such plan. */
    public boolean setNightly(String planId, boolean enabled) {
        return jdbc.sql("UPDATE plan SET nightly = :enabled WHERE id = :id").param("enabled", enabled)
                .param("id", planId).update() == 1;
    }

    public boolean isNightly(String planId) {
        return nightly(planId).orElse(false);
    }

    /** Whether a plan is marked; empty when there is no such plan. */
    public java.util.Optional<Boolean> nightly(String planId) {
        return jdbc.sql("SELECT nightly FROM plan WHERE id = :id").param("id", planId).query(Boolean.class)
                .optional();
    }

    /** The marked plans, oldest first. */
    public List<String> markedPlanIds() {
        return jdbc.sql("SELECT id FROM plan WHERE nightly = TRUE ORDER BY created_at").query(String.class).list();
    }

    /** A re-optimization that started (its run queued): RUNNING until the run ends, with the documents before. */
    public void insertRunning(String id, String planId, int runNumber, OffsetDateTime startedAt, String scoreBefore,
            String kpisBefore, String problemBefore, String planBefore) {
        jdbc.sql("""
                INSERT INTO nightly_run (id, plan_id, started_at, status, score_before, kpis_before, run_number,
                    problem_before, plan_before)
                VALUES (:id, :plan, :started, 'RUNNING', :before, :kpisBefore, :run, :problemBefore, :planBefore)""")
                .param("id", id).param("plan", planId).param("started", startedAt).param("before", scoreBefore)
                .param("kpisBefore", kpisBefore).param("run", runNumber).param("problemBefore", problemBefore)
                .param("planBefore", planBefore).update();
    }

    /** The running re-optimization of a plan (its run, or a run that resumed it), if any. */
    public java.util.Optional<Running> running(String planId) {
        return jdbc.sql("SELECT id, score_before, problem_before, plan_before FROM nightly_run WHERE plan_id = :plan"
                + " AND status = 'RUNNING' ORDER BY started_at DESC LIMIT 1").param("plan", planId)
                .query((rs, n) -> new Running(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** RUNNING rows whose plan is not under way any more (its run was stopped at a restart, or it was deleted). */
    public List<String> interrupted() {
        return jdbc.sql("SELECT n.id FROM nightly_run n LEFT JOIN plan p ON p.id = n.plan_id WHERE n.status ="
                + " 'RUNNING' AND (p.id IS NULL OR p.status NOT IN ('VALIDATING', 'QUEUED', 'SCHEDULED', 'SOLVING'))")
                .query(String.class).list();
    }

    /** Ends a RUNNING row (once); false when it was not RUNNING any more. */
    public boolean finish(String id, String status, OffsetDateTime finishedAt, String scoreAfter, String kpisAfter,
            String error) {
        return jdbc.sql("UPDATE nightly_run SET status = :status, finished_at = :finished, score_after = :after,"
                + " kpis_after = :kpisAfter, error = :error, problem_before = NULL, plan_before = NULL"
                + " WHERE id = :id AND status = 'RUNNING'").param("status", status).param("finished", finishedAt)
                .param("after", scoreAfter).param("kpisAfter", kpisAfter).param("error", error).param("id", id)
                .update() == 1;
    }

    /** A re-optimization under way: its row and what the plan was before. */
    public record Running(String id, String scoreBefore, String problemBefore, String planBefore) {
    }

    /** One row by id. */
    public java.util.Optional<NightlyRun> find(String id) {
        return jdbc.sql("SELECT * FROM nightly_run WHERE id = :id").param("id", id).query(NightlyRuns::row)
                .optional();
    }

    /** Newest first. */
    public List<NightlyRun> newest(int limit) {
        return jdbc.sql("SELECT * FROM nightly_run ORDER BY started_at DESC, id LIMIT :limit").param("limit", limit)
                .query(NightlyRuns::row).list();
    }

    private static NightlyRun row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new NightlyRun(rs.getString("id"), rs.getString("plan_id"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getString("status"), rs.getString("score_before"), rs.getString("score_after"),
                rs.getString("kpis_before"), rs.getString("kpis_after"), rs.getString("error"));
    }

    /**
     * One plan's nightly re-optimization (KPIs as JSON): {@code RUNNING} (its run queued or solving; no
     * finishedAt), {@code IMPROVED}, {@code NOT_BETTER}, {@code FAILED}.
     */
    public record NightlyRun(String id, String planId, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            String status, String scoreBefore, String scoreAfter, String kpisBefore, String kpisAfter,
            String error) {
    }
}
