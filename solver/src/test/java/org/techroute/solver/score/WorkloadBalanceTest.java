package org.techroute.solver.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.techroute.solver.domain.Technician;

/** The incremental unfairness against a recomputation from scratch, over random adds and undos. */
class WorkloadBalanceTest {

    @Test
    void incrementalUnfairnessMatchesARecomputationThroughAddsAndUndos() {
        Random random = new Random(7);
        List<Technician> technicians = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            technicians.add(new Technician("t" + i, Map.of(), List.of()));
        }
        WorkloadBalance.Loads loads = new WorkloadBalance.Loads();
        record Added(Technician technician, long minutes, long available, Runnable undo) {
        }
        List<Added> added = new ArrayList<>();
        for (int step = 0; step < 5_000; step++) {
            if (added.isEmpty() || random.nextInt(3) > 0) {
                Technician technician = technicians.get(random.nextInt(technicians.size()));
                long minutes = random.nextInt(4) == 0 ? 0 : random.nextInt(900);
                long available = 240 + random.nextInt(600);
                added.add(new Added(technician, minutes, available, loads.add(technician, minutes, available)));
            } else {
                added.remove(random.nextInt(added.size())).undo().run();
            }
            Map<Technician, Long> work = new HashMap<>();
            Map<Technician, Long> available = new HashMap<>();
            added.forEach(a -> work.merge(a.technician(), a.minutes(), Long::sum));
            added.forEach(a -> available.merge(a.technician(), a.available(), Long::sum));
            Map<Technician, Long> totals = new HashMap<>();
            work.forEach((t, w) -> totals.put(t, Math.round(w * 480.0 / available.get(t))));
            double mean = totals.values().stream().mapToLong(Long::longValue).average().orElse(0);
            double expected = Math.sqrt(totals.values().stream().mapToDouble(x -> (x - mean) * (x - mean)).sum());
            assertThat(loads.unfairness().minutes()).as("step " + step).isCloseTo(expected, within(1e-6));
        }
    }

    @Test
    void oneTechnicianOrNoneIsFair() {
        WorkloadBalance.Loads loads = new WorkloadBalance.Loads();
        assertThat(loads.unfairness().minutes()).isZero();
        Technician alone = new Technician("t", Map.of(), List.of());
        loads.add(alone, 300, 480);
        loads.add(alone, 200, 480);
        assertThat(loads.unfairness().minutes()).isZero();
    }

    @Test
    void workIsWeighedAgainstTheTimeAShiftMakesAvailable() {
        WorkloadBalance.Loads loads = new WorkloadBalance.Loads();
        Technician full = new Technician("full", Map.of(), List.of());
        Technician half = new Technician("half", Map.of(), List.of());
        loads.add(full, 240, 480);
        loads.add(half, 120, 240);
        assertThat(loads.unfairness().minutes()).as("half of each one's shift").isZero();
        Runnable more = loads.add(half, 60, 0);
        // half: 180 of 240 minutes = 360 per 8-hour day against 240: deviations of 60 each
        assertThat(loads.unfairness().minutes()).isCloseTo(Math.sqrt(2 * 60 * 60), within(1e-9));
        more.run();
        assertThat(loads.unfairness().minutes()).isZero();
    }

    @Test
    void eightHourShiftsWeighThePlainWorkTime() {
        assertThat(WorkloadBalance.Loads.normalised(317, 480)).isEqualTo(317);
        assertThat(WorkloadBalance.Loads.normalised(317, 960)).isEqualTo(159); // 158.5 rounded half up
        assertThat(WorkloadBalance.Loads.normalised(50, 0)).isEqualTo(50);
    }
}
