package org.techroute.api.nightly;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techroute.api.errors.ApiException;
import org.techroute.api.plans.PlanRecord;
import org.techroute.api.plans.PlanRepository;
import org.techroute.api.plans.PlanRuns;
import org.techroute.api.plans.PlanService;
import org.techroute.api.plans.PlanStatus;
import org.techroute.data.json.ProblemJson;

/**
 * The nightly batch: at {@code techroute.nightly.cron} (default 02:00 every day; {@code -} disables), every plan
 * marked for it that is not being solved gets a new run from its current routes, for its own time limit, queued in
 * the solver slots like any run: it shows as QUEUED, then SOLVING, in the plans list, can be stopped, and a restart
 * treats it like any run left unfinished. Its report row ({@code nightly_run}) is RUNNING until the run ends; then the
 * result is kept only if it scores better (IMPROVED), else the plan's documents from before are put back
 * (NOT_BETTER). With several instances, only one starts a plan's run (the start is a conditional update).
 */
@Component
public class NightlyJob {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);

    private final NightlyRuns nightlyRuns;
    private final PlanService plans;
    private final PlanRuns runs;
    private final PlanRepository repository;

    public NightlyJob(NightlyRuns nightlyRuns, PlanService plans, PlanRuns runs, PlanRepository repository) {
        this.nightlyRuns = nightlyRuns;
        this.plans = plans;
        this.runs = runs;
        this.repository = repository;
        runs.onRunEnded(this::ended);
    }

    /** Queues a run of every marked plan that is not being solved; the report rows started (RUNNING). */
    @Scheduled(cron = "${techroute.nightly.cron:0 0 2 * * *}")
    public List<NightlyRuns.NightlyRun> run() {
        for (String id : nightlyRuns.interrupted()) {
            nightlyRuns.finish(id, "FAILED", now(), null, null, "the run ended without a result (the service"
                    + " stopped, or the plan was deleted); the plan was left as it was");
        }
        List<NightlyRuns.NightlyRun> started = new ArrayList<>();
        for (String id : nightlyRuns.markedPlanIds()) {
            PlanService.StoredPlan plan;
            try {
                plan = plans.stored(id);
            } catch (ApiException e) {
                continue; // deleted meanwhile
            }
            PlanRecord record = plan.record();
            if (runs.has(id) || record.status().isActive()) {
                LOG.info("nightly: plan {} is being solved; skipped", id);
                continue;
            }
            String rowId = UUID.randomUUID().toString();
            try {
                runs.newRun(record, plan.document(), false, null, null);
            } catch (ApiException e) {
                if (e.status().value() == 409) {
                    LOG.info("nightly: plan {} was started by another instance or changed; skipped", id);
                    continue;
                }
                OffsetDateTime at = now();
                nightlyRuns.insertRunning(rowId, id, record.runNumber() + 1, at, record.score(), record.kpisJson(),
                        null, null);
                nightlyRuns.finish(rowId, "FAILED", at, null, null, "not started: " + e.getMessage());
                nightlyRuns.find(rowId).ifPresent(started::add);
                continue;
            } catch (RuntimeException e) {
                LOG.warn("nightly: plan {} cannot be started", id, e);
                continue;
            }
            nightlyRuns.insertRunning(rowId, id, record.runNumber() + 1, now(), record.score(), record.kpisJson(),
                    record.problemJson(), record.planJson());
            nightlyRuns.find(rowId).ifPresent(started::add);
        }
        return started;
    }

    /** A run ended: if it re-optimizes a plan for the nightly batch, its result is kept only if better. */
    private void ended(String planId, int run, PlanStatus status, String reason) {
        NightlyRuns.Running running = nightlyRuns.running(planId).orElse(null);
        if (running == null) {
            return;
        }
        PlanRecord after = repository.findSummaryById(planId).orElse(null);
        if (status == PlanStatus.FAILED || after == null || after.score() == null) {
            nightlyRuns.finish(running.id(), "FAILED", now(), null, null, reason != null ? reason
                    : "the run ended without a plan");
            return;
        }
        boolean better = running.scoreBefore() == null || HardMediumSoftLongScore.parseScore(after.score())
                .compareTo(HardMediumSoftLongScore.parseScore(running.scoreBefore())) > 0;
        if (!better && running.planBefore() != null) {
            try {
                plans.replaceDocuments(planId, ProblemJson.read(running.problemBefore()),
                        ProblemJson.read(running.planBefore()));
            } catch (Exception e) {
                LOG.warn("nightly: the plan of {} before could not be put back", planId, e);
            }
        }
        nightlyRuns.finish(running.id(), better ? "IMPROVED" : "NOT_BETTER", now(), after.score(),
                after.kpisJson(), null);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
