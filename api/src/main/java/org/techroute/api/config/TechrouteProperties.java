package org.techroute.api.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service's own settings ({@code techroute.*}).
 *
 * @param dataDir where the service keeps its files (the H2 database by default)
 */
@ConfigurationProperties("techroute")
public record TechrouteProperties(@DefaultValue("./data-files") String dataDir, @DefaultValue Solver solver,
        @DefaultValue Api api, @DefaultValue Limits limits, @DefaultValue Changes changes,
        @DefaultValue Nightly nightly, @DefaultValue Cluster cluster, @DefaultValue Webhooks webhooks) {

    /**
     * @param maxAttempts how often an event is sent to a webhook at most (the first try included)
     * @param firstRetry  the wait before the first retry; it doubles with every further one
     * @param timeout     how long one delivery may take (connect and answer)
     * @param poll        how often the sender looks for deliveries that are due (new events wake it at once)
     * @param keep        how long delivered and given-up deliveries stay listed before they are deleted
     */
    public record Webhooks(@DefaultValue("6") int maxAttempts, @DefaultValue("PT2S") Duration firstRetry,
            @DefaultValue("PT5S") Duration timeout, @DefaultValue("PT1S") Duration poll,
            @DefaultValue("P30D") Duration keep) {
    }

    /**
     * @param slots             how many plans are solved at the same time (each uses one core)
     * @param queueLength       how many plans may wait for a slot; beyond that submits get 429
     * @param saveInterval      a solving plan's best solution is saved at most this often (plus the final one)
     * @param shutdownGrace     how long shutdown waits for stopped jobs to save their best plans
     * @param retryAfterSeconds the {@code Retry-After} given with a 429
     * @param onRestart         runs that a previous process (or a dead instance) left unfinished: {@code stop}
     *                          marks them STOPPED (their last saved plan is kept), {@code resume} solves them again
     *                          from their last saved plan
     * @param nice              the Linux nice value of solver threads (0–19; 0 keeps the JVM's): requests are served
     *                          before solving while every core solves
     */
    public record Solver(@DefaultValue("1") int slots, @DefaultValue("20") int queueLength,
            @DefaultValue("PT1S") Duration saveInterval, @DefaultValue("PT30S") Duration shutdownGrace,
            @DefaultValue("10") int retryAfterSeconds, @DefaultValue("stop") OnRestart onRestart,
            @DefaultValue("19") int nice) {
    }

    /** What happens to runs left unfinished by a process that died. */
    public enum OnRestart {
        STOP, RESUME
    }

    /**
     * @param responseWait how long {@code POST /api/plans/{id}/changes} waits for the first best solution of the changed
     *             plan before it answers 202 with {@code pending: true}
     */
    public record Changes(@DefaultValue("PT5S") Duration responseWait) {
    }

    /** @param cron when marked plans are re-optimized (Spring cron, 6 fields); {@code -} disables */
    public record Nightly(@DefaultValue("0 0 2 * * *") String cron) {
    }

    /**
     * @param enabled      several instances share one database (PostgreSQL): each polls for QUEUED plans it
     *                     has room for, and takes over plans whose claim expired; at startup only expired claims
     *                     count as left unfinished
     * @param instanceId   this instance's name in claims (default: host name and a random suffix)
     * @param lease        how long a claim lasts without renewal; renewed every third of it
     * @param pollInterval how often an instance looks for plans to claim (cluster mode)
     * @param commandPoll  how often an instance looks for requests sent to it through other instances, in case a
     *                     PostgreSQL notification was missed (they are normally taken at once)
     * @param forwardWait  how long a request sent through another instance waits for the solving instance to take
     *                     it; then it is withdrawn (503, nothing changed)
     */
    public record Cluster(@DefaultValue("false") boolean enabled, String instanceId,
            @DefaultValue("PT30S") Duration lease, @DefaultValue("PT2S") Duration pollInterval,
            @DefaultValue("PT1S") Duration commandPoll, @DefaultValue("PT10S") Duration forwardWait) {
    }

    /**
     * @param maxBodyBytes      larger request bodies get 413 before they are parsed
     * @param sseTimeout        how long an event stream stays open at most
     * @param maxEmittersPerPlan event streams per plan
     * @param maxEmitters       event streams in total
     * @param maxPageSize       the largest {@code limit} of a plan list
     * @param statusCacheTtl    how long a status read may be served from memory at most (zero: never); every
     *                          write of the plan drops it sooner, in cluster mode at every instance
     */
    public record Api(@DefaultValue("10MB") DataSize maxBodyBytes, @DefaultValue("PT30M") Duration sseTimeout,
            @DefaultValue("10") int maxEmittersPerPlan, @DefaultValue("200") int maxEmitters,
            @DefaultValue("100") int maxPageSize, @DefaultValue("PT1S") Duration statusCacheTtl) {
    }

    /**
     * Size limits of one problem (validation errors beyond them).
     *
     * @param maxTimeLimit the longest {@code options.timeLimit} a problem may ask for
     */
    public record Limits(@DefaultValue("10000") int maxVisits, @DefaultValue("2000") int maxTechnicians,
            @DefaultValue("5000") int maxShifts, @DefaultValue("PT30M") Duration maxTimeLimit) {
    }
}
