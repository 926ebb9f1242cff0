package org.techroute.data.model;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How to solve a problem. Every field is optional.
 *
 * @param timeLimit         wall-clock solving time, ISO-8601 duration (default {@code PT30S})
 * @param travelMode        {@code road} (default), {@code haversine} or {@code euclidean}
 * @param haversineSpeedKmh speed for {@code haversine} travel (default 40 km/h)
 * @param randomSeed        the solver's random seed (default 0)
 * @param stepLimit         stop local search after this many steps (for reproducible runs)
 * @param constraintWeights weight overrides by constraint id, e.g. {@code {"travelTime": 2, "overtime": 0}}
 * @param searchThreads     how many independent searches run at once, on as many threads, the best kept
 *                          (default 1, at most {@link #MAX_SEARCH_THREADS}): a server with cores to spare finds
 *                          better plans in the same time limit; with a step limit, the plan is the best of the
 *                          plans of the seeds {@code randomSeed}, {@code randomSeed + 1}...
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Options(Duration timeLimit, TravelMode travelMode, Double haversineSpeedKmh, Long randomSeed,
        Long stepLimit, Map<String, Long> constraintWeights, Integer searchThreads) {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);
    public static final double DEFAULT_HAVERSINE_SPEED_KMH = 40.0;
    /** The most search threads one solve may ask for (the solver's limit). */
    public static final int MAX_SEARCH_THREADS = org.techroute.solver.config.ParallelSearch.MAX_THREADS;

    /** Options with one search thread. */
    public Options(Duration timeLimit, TravelMode travelMode, Double haversineSpeedKmh, Long randomSeed,
            Long stepLimit, Map<String, Long> constraintWeights) {
        this(timeLimit, travelMode, haversineSpeedKmh, randomSeed, stepLimit, constraintWeights, null);
    }

    public static Options defaults() {
        return new Options(null, null, null, null, null, null, null);
    }

    public int effectiveSearchThreads() {
        return searchThreads == null ? 1 : searchThreads;
    }

    public Duration effectiveTimeLimit() {
        return timeLimit == null ? DEFAULT_TIME_LIMIT : timeLimit;
    }

    public TravelMode effectiveTravelMode() {
        return travelMode == null ? TravelMode.ROAD : travelMode;
    }

    public double effectiveHaversineSpeedKmh() {
        return haversineSpeedKmh == null ? DEFAULT_HAVERSINE_SPEED_KMH : haversineSpeedKmh;
    }

    public long effectiveRandomSeed() {
        return randomSeed == null ? 0L : randomSeed;
    }

    public Map<String, Long> effectiveConstraintWeights() {
        return constraintWeights == null ? Map.of() : constraintWeights;
    }

    public Options withTimeLimit(Duration limit) {
        return new Options(limit, travelMode, haversineSpeedKmh, randomSeed, stepLimit, constraintWeights,
                searchThreads);
    }

    public Options withRandomSeed(Long seed) {
        return new Options(timeLimit, travelMode, haversineSpeedKmh, seed, stepLimit, constraintWeights,
                searchThreads);
    }

    public Options withStepLimit(Long steps) {
        return new Options(timeLimit, travelMode, haversineSpeedKmh, randomSeed, steps, constraintWeights,
                searchThreads);
    }

    public Options withTravelMode(TravelMode mode) {
        return new Options(timeLimit, mode, haversineSpeedKmh, randomSeed, stepLimit, constraintWeights,
                searchThreads);
    }

    public Options withSearchThreads(Integer threads) {
        return new Options(timeLimit, travelMode, haversineSpeedKmh, randomSeed, stepLimit, constraintWeights,
                threads);
    }
}
