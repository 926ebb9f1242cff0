package org.techroute.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.errors.ApiException;

/**
 * Issue 13: a run of {@code options.searchThreads} N counts as N solver slots, in admission (429) and when it runs,
 * so the service never solves on more threads than {@code techroute.solver.slots}. Latches, no timing.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class SolverSlotsTest {

    private SolverSlots slots;
    private final List<CountDownLatch> gates = new CopyOnWriteArrayList<>();

    private SolverSlots slots(int slots, int queueLength) {
        TechrouteProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "techroute.solver.slots", String.valueOf(slots), "techroute.solver.queue-length",
                String.valueOf(queueLength)))).bindOrCreate("techroute", TechrouteProperties.class);
        this.slots = new SolverSlots(properties.solver(), new SimpleMeterRegistry());
        return this.slots;
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        gates.forEach(CountDownLatch::countDown);
        slots.shutdown(Duration.ofSeconds(10));
    }

    /** Work that records that it started and runs until its gate opens. */
    private final class Work implements Runnable {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);

        Work() {
            gates.add(gate);
        }

        @Override
        public void run() {
            started.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        boolean hasStarted() {
            return started.getCount() == 0;
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(10);
        }
    }

    @Test
    void requireRoomRefusesWhatReserveWouldRefuseAndTakesNothing() {
        SolverSlots slots = slots(2, 1); // three places
        slots.requireRoom(2);
        slots.requireRoom(2); // asking takes no place
        SolverSlots.Reservation one = slots.reserve(2);
        slots.requireRoom(1);
        assertThatThrownBy(() -> slots.requireRoom(2)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().value()).isEqualTo(429));
        SolverSlots.Reservation two = slots.reserve(1);
        assertThatThrownBy(() -> slots.requireRoom(1)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().value()).isEqualTo(429));
        two.release();
        one.release();
        slots.requireRoom(2);
        slots.close();
        assertThatThrownBy(() -> slots.requireRoom(1)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().value()).isEqualTo(503));
    }

    @Test
    void aRunOfTwoSearchThreadsTakesTwoPlacesAndTwoSlots() throws InterruptedException {
        SolverSlots slots = slots(2, 1);
        SolverSlots.Reservation two = slots.reserve(2);
        SolverSlots.Reservation one = slots.reserve(1);
        assertThatThrownBy(() -> slots.reserve(1)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().value()).isEqualTo(429));

        Work parallel = new Work();
        Work single = new Work();
        assertThat(slots.execute(parallel, SolverSlots.Priority.ORDINARY, 2)).isTrue();
        assertThat(slots.execute(single, SolverSlots.Priority.ORDINARY, 1)).isTrue();
        parallel.started.await();
        assertThat(slots.busyThreads()).isEqualTo(2);
        assertThat(slots.running()).isEqualTo(1);
        assertThat(slots.queued()).as("one slot run waits: both slots are the two-thread run's").isEqualTo(1);
        assertThat(single.hasStarted()).isFalse();

        parallel.gate.countDown();
        two.release();
        single.started.await();
        await(() -> slots.busyThreads() == 1);
        assertThat(slots.queued()).isZero();
        // the two-thread run's places are back: another two-thread run is admitted (one slot and the queue place)
        slots.reserve(2).release();
        one.release();
    }

    @Test
    void aRunWaitingForTwoSlotsIsNotOvertakenByASmallerOneBehindIt() throws InterruptedException {
        SolverSlots slots = slots(2, 5);
        Work first = new Work();
        Work parallel = new Work();
        Work behind = new Work();
        slots.execute(first, SolverSlots.Priority.ORDINARY, 1);
        first.started.await();
        slots.execute(parallel, SolverSlots.Priority.ORDINARY, 2);
        slots.execute(behind, SolverSlots.Priority.ORDINARY, 1);
        assertThat(slots.queued()).isEqualTo(2);
        assertThat(parallel.hasStarted() || behind.hasStarted()).as("one slot is free, but the first waiting run"
                + " needs two").isFalse();

        first.gate.countDown();
        parallel.started.await();
        assertThat(behind.hasStarted()).isFalse();
        assertThat(slots.busyThreads()).isEqualTo(2);

        parallel.gate.countDown();
        behind.started.await();
    }

    @Test
    void aRunNeverTakesMoreSlotsThanThereAre() throws InterruptedException {
        SolverSlots slots = slots(2, 0);
        assertThat(slots.slotsFor(8)).isEqualTo(2);
        assertThat(slots.slotsFor(1)).isEqualTo(1);
        SolverSlots.Reservation all = slots.reserve(8);
        assertThatThrownBy(() -> slots.reserve(1)).isInstanceOf(ApiException.class);
        Work greedy = new Work();
        slots.execute(greedy, SolverSlots.Priority.ORDINARY, 8);
        greedy.started.await();
        assertThat(slots.busyThreads()).isEqualTo(2);
        greedy.gate.countDown();
        all.release();
        await(() -> slots.busyThreads() == 0);
    }

    @Test
    void aWaitingRunCanBeTakenOutOfTheQueue() throws InterruptedException {
        SolverSlots slots = slots(1, 2);
        Work running = new Work();
        Work waiting = new Work();
        slots.execute(running, SolverSlots.Priority.ORDINARY, 1);
        running.started.await();
        slots.execute(waiting, SolverSlots.Priority.ORDINARY, 1);
        assertThat(slots.remove(waiting)).isTrue();
        assertThat(slots.remove(running)).as("started already").isFalse();
        assertThat(slots.queued()).isZero();
    }

    @Test
    void solverThreadsAndTheThreadsTheyStartRunAtTheConfiguredNiceValue() throws Exception {
        assumeTrue(currentNice() != -100 && currentNice() < 19,
                "needs Linux's /proc/thread-self/stat and a test thread below nice 19");
        SolverSlots slots = slots(1, 0);
        slots.reserve(1);
        CompletableFuture<int[]> nice = new CompletableFuture<>();
        assertThat(slots.execute(() -> {
            int[] seen = new int[2];
            seen[0] = currentNice();
            Thread search = new Thread(() -> seen[1] = currentNice());
            search.start();
            try {
                search.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            nice.complete(seen);
        }, SolverSlots.Priority.ORDINARY, 1)).isTrue();
        int[] seen = nice.get(30, TimeUnit.SECONDS);
        assertThat(seen[0]).as("the solver thread").isEqualTo(19);
        assertThat(seen[1]).as("a search thread it starts").isEqualTo(19);
        assertThat(currentNice()).as("the test thread is left as it was").isLessThan(19);
    }

    /** The nice value of the calling thread (Linux), or -100 when it cannot be read. */
    private static int currentNice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // the fields after the command name (in parentheses, which may hold spaces): state is field 3, nice 19
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException | RuntimeException e) {
            return -100;
        }
    }
}
