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
 * The unfairness of the technicians' work time, kept up to date in plain integer arithmetic as shifts change:
 * the square root of the sum of squared deviations of each technician's total work minutes from the mean
 * (Timefold's {@code loadBalance} measure, without its {@code BigDecimal} work on every evaluation).
 * <p>
 * With n technicians, loads x<sub>i</sub>, S = Σx<sub>i</sub> and Q = Σx<sub>i</sub>²: Σ(x<sub>i</sub> − S/n)² =
 * (n·Q − S²) / n. n·Q and S² are exact in a long for any problem within the size limits (2,000 technicians,
 * loads in minutes), so only the final square root is inexact.
 */
final class WorkloadBalance {

    /** The result: immutable, so that Timefold sees a change only when the value changes. */
    record Unfairness(double minutes) {

        long roundedMinutes() {
            return Math.round(minutes);
        }
    }

    static final class Loads {
        private final Map<Technician, long[]> byTechnician = new HashMap<>();
        private long sum;
        private long sumOfSquares;

        Runnable add(Technician technician, long minutes) {
            long[] entry = byTechnician.computeIfAbsent(technician, t -> new long[2]); // {load, shifts}
            change(entry, minutes);
            entry[1]++;
            return () -> {
                change(entry, -minutes);
                if (--entry[1] == 0) {
                    byTechnician.remove(technician);
                }
            };
        }

        private void change(long[] entry, long delta) {
            long before = entry[0];
            long after = before + delta;
            entry[0] = after;
            sum += delta;
            sumOfSquares += after * after - before * before;
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

    /** Collects every shift's work minutes per technician into the unfairness measure. */
    static UniConstraintCollector<Shift, ?, Unfairness> ofShifts() {
        return new UniConstraintCollector<Shift, Loads, Unfairness>() {
            @Override
            public Supplier<Loads> supplier() {
                return Loads::new;
            }

            @Override
            public BiFunction<Loads, Shift, Runnable> accumulator() {
                return (loads, shift) -> loads.add(shift.getTechnician(), shift.workMillis() / 60_000);
            }

            @Override
            public Function<Loads, Unfairness> finisher() {
                return Loads::unfairness;
            }
        };
    }
}
