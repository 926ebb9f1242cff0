package org.techroute.solver.score;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import ai.timefold.solver.core.api.score.stream.uni.UniConstraintCollector;

import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Technician;

/**
 * The unfairness of the technicians' work, kept up to date in plain integer arithmetic as shifts change: the square
 * root of the sum of squared deviations of each technician's work from the mean (Timefold's {@code loadBalance}
 * measure, without its {@code BigDecimal} work on every evaluation).
 * <p>
 * A technician's work is normalised by the time his shifts make available: work minutes per
 * {@value #STANDARD_DAY_MINUTES} minutes of shift, so a technician on a 4-hour shift with 2 hours of work is as loaded
 * as one on an 8-hour shift with 4 hours. When every shift lasts 8 hours this is the plain work time in minutes.
 * <p>
 * With n technicians, normalised loads x<sub>i</sub>, S = Σx<sub>i</sub> and Q = Σx<sub>i</sub>²:
 * Σ(x<sub>i</sub> − S/n)² = (n·Q − S²) / n. n·Q and S² are exact in a long for any problem within the size limits
 * (2,000 technicians, loads in minutes), so only the final square root is inexact.
 */
final class WorkloadBalance {

    /** The result: immutable, so that Timefold sees a change only when the value changes. */
    record Unfairness(double minutes) {

        long roundedMinutes() {
            return Math.round(minutes);
        }
    }

    /** The shift length a technician's work is normalised to. */
    static final long STANDARD_DAY_MINUTES = 480;

    static final class Loads {
        /** Per technician: {work minutes, available minutes, shifts, normalised load}. */
        private final Map<Technician, long[]> byTechnician = new HashMap<>();
        private long sum;
        private long sumOfSquares;

        /** A shift's work and the minutes it makes available; the runnable takes it back. */
        Runnable add(Technician technician, long minutes, long availableMinutes) {
            long[] entry = byTechnician.computeIfAbsent(technician, t -> new long[4]);
            change(entry, minutes, availableMinutes);
            entry[2]++;
            return () -> {
                change(entry, -minutes, -availableMinutes);
                if (--entry[2] == 0) {
                    byTechnician.remove(technician); // its load is back to 0, so are its terms in the sums
                }
            };
        }

        private void change(long[] entry, long work, long available) {
            entry[0] += work;
            entry[1] += available;
            long before = entry[3];
            long after = normalised(entry[0], entry[1]);
            entry[3] = after;
            sum += after - before;
            sumOfSquares += after * after - before * before;
        }

        /** Work per standard day of shift, rounded half up; the work itself when no time is available. */
        static long normalised(long work, long available) {
            return available <= 0 ? work : (work * STANDARD_DAY_MINUTES * 2 + available) / (2 * available);
        }

        Unfairness unfairness() {
            int n = byTechnician.size();
            if (n < 2) {
                return new Unfairness(0);
            }
            long numerator = n * sumOfSquares - sum * sum;
            return new Unfairness(numerator <= 0 ? 0 : Math.sqrt((double) numerator / n));
        }
    }

    private WorkloadBalance() {
    }

    /** Collects every shift's work and available minutes per technician into the unfairness measure. */
    static UniConstraintCollector<Shift, ?, Unfairness> ofShifts() {
        return new UniConstraintCollector<Shift, Loads, Unfairness>() {
            @Override
            public Supplier<Loads> supplier() {
                return Loads::new;
            }

            @Override
            public BiFunction<Loads, Shift, Runnable> accumulator() {
                return (loads, shift) -> loads.add(shift.getTechnician(), shift.workMillis() / 60_000,
                        (shift.getEndMillis() - shift.getStartMillis()) / 60_000);
            }

            @Override
            public Function<Loads, Unfairness> finisher() {
                return Loads::unfairness;
            }
        };
    }
}
