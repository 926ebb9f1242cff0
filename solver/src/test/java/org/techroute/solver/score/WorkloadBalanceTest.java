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
        record Added(Technician technician, long minutes, Runnable undo) {
        }
        List<Added> added = new ArrayList<>();
        for (int step = 0; step < 5_000; step++) {
            if (added.isEmpty() || random.nextInt(3) > 0) {
                Technician technician = technicians.get(random.nextInt(technicians.size()));
                long minutes = random.nextInt(4) == 0 ? 0 : random.nextInt(900);
                added.add(new Added(technician, minutes, loads.add(technician, minutes)));
            } else {
                added.remove(random.nextInt(added.size())).undo().run();
            }
            Map<Technician, Long> totals = new HashMap<>();
            added.forEach(a -> totals.merge(a.technician(), a.minutes(), Long::sum));
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
        loads.add(alone, 300);
        loads.add(alone, 200);
        assertThat(loads.unfairness().minutes()).isZero();
    }
}
