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
        @DefaultValue Api api, @DefaultValue Limits limits) {

    /**
     * @param slots             how many plans are solved at the same time (each uses one core)
     * @param queueLength       how many plans may wait for a slot; beyond that submits get 429
     * @param saveInterval      a solving plan's best solution is saved at most this often (plus the final one)
     * @param shutdownGrace     how long shutdown waits for stopped jobs to save their best plans
     * @param retryAfterSeconds the {@code Retry-After} given with a 429
     */
    public record Solver(@DefaultValue("1") int slots, @DefaultValue("20") int queueLength,
            @DefaultValue("PT1S") Duration saveInterval, @DefaultValue("PT30S") Duration shutdownGrace,
            @DefaultValue("10") int retryAfterSeconds) {
    }

    /**
     * @param maxBodyBytes      larger request bodies get 413 before they are parsed
     * @param sseTimeout        how long an event stream stays open at most
     * @param maxEmittersPerPlan event streams per plan
     * @param maxEmitters       event streams in total
     * @param maxPageSize       the largest {@code limit} of a plan list
     */
    public record Api(@DefaultValue("10MB") DataSize maxBodyBytes, @DefaultValue("PT30M") Duration sseTimeout,
            @DefaultValue("10") int maxEmittersPerPlan, @DefaultValue("200") int maxEmitters,
            @DefaultValue("100") int maxPageSize) {
    }

    /** Size limits of one problem (validation errors beyond them). */
    public record Limits(@DefaultValue("10000") int maxVisits, @DefaultValue("2000") int maxTechnicians,
            @DefaultValue("5000") int maxShifts) {
    }
}
