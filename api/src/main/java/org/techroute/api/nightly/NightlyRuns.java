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

    public void insert(NightlyRun run) {
        jdbc.sql("""
                INSERT INTO nightly_run (id, plan_id, started_at, finished_at, status, score_before, score_after,
                    kpis_before, kpis_after, error)
                VALUES (:id, :plan, :started, :finished, :status, :before, :after, :kpisBefore, :kpisAfter, :error)""")
                .param("id", run.id()).param("plan", run.planId()).param("started", run.startedAt())
                .param("finished", run.finishedAt()).param("status", run.status())
                .param("before", run.scoreBefore()).param("after", run.scoreAfter())
                .param("kpisBefore", run.kpisBefore()).param("kpisAfter", run.kpisAfter())
                .param("error", run.error()).update();
    }

    /** Newest first. */
    public List<NightlyRun> newest(int limit) {
        return jdbc.sql("SELECT * FROM nightly_run ORDER BY started_at DESC, id LIMIT :limit").param("limit", limit)
                .query((rs, n) -> new NightlyRun(rs.getString("id"), rs.getString("plan_id"),
                        rs.getObject("started_at", OffsetDateTime.class),
                        rs.getObject("finished_at", OffsetDateTime.class), rs.getString("status"),
                        rs.getString("score_before"), rs.getString("score_after"), rs.getString("kpis_before"),
                        rs.getString("kpis_after"), rs.getString("error")))
                .list();
    }

    /** One plan's nightly re-optimization (KPIs as JSON). */
    public record NightlyRun(String id, String planId, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            String status, String scoreBefore, String scoreAfter, String kpisBefore, String kpisAfter,
            String error) {
    }
}
