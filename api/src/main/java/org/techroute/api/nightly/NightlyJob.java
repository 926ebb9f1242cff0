package org.techroute.api.nightly;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techroute.api.plans.ClusterLease;
import org.techroute.api.plans.PlanRuns;
import org.techroute.api.plans.PlanService;
import org.techroute.api.plans.PlanStatus;
import org.techroute.api.plans.RunClaims;
import org.techroute.data.batch.ReoptimizationOutcome;
import org.techroute.data.batch.Reoptimizer;
import org.techroute.data.model.Kpis;
import org.techroute.data.model.Problem;
import org.techroute.data.solve.Planner;

/**
 * The nightly batch: at {@code techroute.nightly.cron} (default 02:00 every day; {@code -} disables), every plan
 * marked for it that is not being solved is re-solved from its current routes for its own time limit, one after
 * the other, and the result is kept only if it scores better. Each plan gets a report row ({@code nightly_run}).
 * A plan is claimed while it is re-optimized, so that with several instances only one works on it.
 */
@Component
public class NightlyJob {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);
    private static final EnumSet<PlanStatus> FINISHED = EnumSet.of(PlanStatus.SOLVED, PlanStatus.STOPPED,
            PlanStatus.FAILED);

    private final NightlyRuns nightlyRuns;
    private final RunClaims claims;
    private final PlanService plans;
    private final PlanRuns runs;
    private final Reoptimizer reoptimizer;
    private final ObjectMapper mapper;

    public NightlyJob(NightlyRuns nightlyRuns, RunClaims claims, PlanService plans, PlanRuns runs, Planner planner,
            ObjectMapper mapper) {
        this.nightlyRuns = nightlyRuns;
        this.claims = claims;
        this.plans = plans;
        this.runs = runs;
        this.reoptimizer = new Reoptimizer(planner);
        this.mapper = mapper;
    }

    /** Re-optimizes every marked plan that is not being solved; the report rows written. */
    @Scheduled(cron = "${techroute.nightly.cron:0 0 2 * * *}")
    public List<NightlyRuns.NightlyRun> run() {
        List<NightlyRuns.NightlyRun> report = new ArrayList<>();
        ClusterLease lease = runs.lease();
        for (String id : nightlyRuns.markedPlanIds()) {
            if (runs.has(id) || !claims.claim(id, FINISHED, lease.instanceId(), lease.until(), now())) {
                LOG.info("nightly: plan {} is being solved or held by another instance; skipped", id);
                continue;
            }
            OffsetDateTime started = now();
            NightlyRuns.NightlyRun row;
            try {
                Problem plan = plans.stored(id).document();
                Reoptimizer.Result result = reoptimizer.reoptimize(id, plan, progress -> {
                });
                ReoptimizationOutcome outcome = result.outcome();
                String status = outcome.status();
                String error = outcome.error();
                if (outcome.kept()) {
                    plans.replaceDocuments(id, result.keep().withSolution(null), result.keep());
                    status = "IMPROVED";
                }
                row = new NightlyRuns.NightlyRun(UUID.randomUUID().toString(), id, started, now(), status,
                        outcome.scoreBefore(), outcome.scoreAfter(), json(outcome.kpisBefore()),
                        json(outcome.kpisAfter()), error);
            } catch (RuntimeException e) {
                LOG.warn("nightly: plan {} failed", id, e);
                row = new NightlyRuns.NightlyRun(UUID.randomUUID().toString(), id, started, now(), "FAILED", null,
                        null, null, null, "the re-optimization failed (the error is in the service log)");
            } finally {
                claims.release(id, lease.instanceId());
            }
            nightlyRuns.insert(row);
            report.add(row);
        }
        return report;
    }

    private String json(Kpis kpis) {
        if (kpis == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(kpis);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
