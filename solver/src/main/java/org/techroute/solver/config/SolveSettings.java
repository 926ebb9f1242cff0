package org.techroute.solver.config;

import java.time.Duration;
import java.util.Objects;

import ai.timefold.solver.core.config.solver.EnvironmentMode;

/**
 * How long and how to search.
 *
 * @param timeLimit      wall-clock limit of the whole solve
 * @param randomSeed     seed of the solver's random number generator (same seed and step limit: same plan)
 * @param stepCountLimit if not null, the local search stops after this many steps (reproducible runs)
 * @param environmentMode Timefold's assertion mode; {@code TRACKED_FULL_ASSERT} in tests that hunt score corruption
 * @param searchThreads  how many independent searches run at once (seeds {@code randomSeed},
 *                       {@code randomSeed + 1}...), the best kept: see {@link ParallelSearch}; 1 is one Timefold solver
 */
public record SolveSettings(Duration timeLimit, long randomSeed, Long stepCountLimit, EnvironmentMode environmentMode,
        int searchThreads) {

    public static final long DEFAULT_RANDOM_SEED = 0L;

    public SolveSettings {
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(environmentMode, "environmentMode");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive");
        }
        if (stepCountLimit != null && stepCountLimit < 0) {
            throw new IllegalArgumentException("step count limit must not be negative");
        }
        if (searchThreads < 1 || searchThreads > ParallelSearch.MAX_THREADS) {
            throw new IllegalArgumentException("search threads must be between 1 and " + ParallelSearch.MAX_THREADS);
        }
    }

    /** One search thread. */
    public SolveSettings(Duration timeLimit, long randomSeed, Long stepCountLimit, EnvironmentMode environmentMode) {
        this(timeLimit, randomSeed, stepCountLimit, environmentMode, 1);
    }

    public static SolveSettings of(Duration timeLimit) {
        return new SolveSettings(timeLimit, DEFAULT_RANDOM_SEED, null, EnvironmentMode.PHASE_ASSERT);
    }

    public SolveSettings withStepCountLimit(Long steps) {
        return new SolveSettings(timeLimit, randomSeed, steps, environmentMode, searchThreads);
    }

    public SolveSettings withRandomSeed(long seed) {
        return new SolveSettings(timeLimit, seed, stepCountLimit, environmentMode, searchThreads);
    }

    public SolveSettings withEnvironmentMode(EnvironmentMode mode) {
        return new SolveSettings(timeLimit, randomSeed, stepCountLimit, mode, searchThreads);
    }

    public SolveSettings withSearchThreads(int threads) {
        return new SolveSettings(timeLimit, randomSeed, stepCountLimit, environmentMode, threads);
    }
}
