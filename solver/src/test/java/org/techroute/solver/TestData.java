package org.techroute.solver;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.techroute.solver.domain.Certification;
import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.Schedule;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.ShiftBreak;
import org.techroute.solver.domain.Technician;
import org.techroute.solver.domain.TimeWindow;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.domain.VisitTiming;
import org.techroute.solver.travel.DenseTravelTimeMatrix;

/**
 * Small fixtures for the solver tests: a fixed day, a 4-location matrix in whole minutes, builders for
 * technicians, shifts and visits, and {@link #wire} to set the shadow variables the way the solver would.
 */
public final class TestData {

    /** The day of every fixture shift (UTC). */
    public static final LocalDate DATE = LocalDate.of(2026, 3, 2);
    private static final long MIDNIGHT = DATE.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();

    public static final long MINUTE = 60_000L;
    public static final long SECOND = 1_000L;

    /**
     * Travel minutes between locations 0 (depot), 1, 2 and 3; symmetric.
     * <pre>
     *      0   1   2   3
     *  0   0  10  20  30
     *  1  10   0  15  25
     *  2  20  15   0  12
     *  3  30  25  12   0
     * </pre>
     */
    public static final DenseTravelTimeMatrix MATRIX = matrixMinutes(new long[][] {
            { 0, 10, 20, 30 },
            { 10, 0, 15, 25 },
            { 20, 15, 0, 12 },
            { 30, 25, 12, 0 } });

    private TestData() {
    }

    /** Epoch millis of {@code hour:minute} on {@link #DATE}, UTC. */
    public static long at(int hour, int minute) {
        return MIDNIGHT + hour * 60 * MINUTE + minute * MINUTE;
    }

    public static long at(int hour, int minute, int second) {
        return at(hour, minute) + second * SECOND;
    }

    public static long minutes(long minutes) {
        return minutes * MINUTE;
    }

    public static DenseTravelTimeMatrix matrixMinutes(long[][] minutes) {
        int size = minutes.length;
        long[] millis = new long[size * size];
        double[] meters = new double[size * size];
        for (int from = 0; from < size; from++) {
            for (int to = 0; to < size; to++) {
                millis[from * size + to] = minutes[from][to] * MINUTE;
                meters[from * size + to] = minutes[from][to] * 500.0;
            }
        }
        return new DenseTravelTimeMatrix(size, millis, meters);
    }

    public static Technician technician(String id) {
        return new Technician(id, Map.of(), List.of());
    }

    public static Technician technician(String id, Map<String, Integer> skills, Certification... certifications) {
        return new Technician(id, skills, List.of(certifications));
    }

    public static ShiftBuilder shift(String id, Technician technician) {
        return new ShiftBuilder(id, technician);
    }

    public static VisitBuilder visit(String id, int location) {
        return new VisitBuilder(id, location);
    }

    /**
     * Puts {@code visits} on {@code shift} in this order and sets every shadow variable as the solver would:
     * the inverse shift, previous and next visit, and the timing, computed with {@link Schedule#visit} exactly
     * like {@link Visit#timingSupplier()}.
     */
    public static Shift wire(Shift shift, Visit... visits) {
        shift.setVisits(new ArrayList<>(Arrays.asList(visits)));
        int from = shift.getStartLocation();
        long departure = shift.getStartMillis();
        int breaksDone = 0;
        for (int i = 0; i < visits.length; i++) {
            Visit visit = visits[i];
            visit.setShift(shift);
            visit.setPreviousVisit(i == 0 ? null : visits[i - 1]);
            visit.setNextVisit(i == visits.length - 1 ? null : visits[i + 1]);
            int next = i == visits.length - 1 ? shift.getEndLocation() : visits[i + 1].getLocation();
            VisitTiming timing = Schedule.visit(shift, from, departure, breaksDone, visit, next, Schedule.IGNORE);
            visit.setTiming(timing);
            from = visit.getLocation();
            departure = timing.departureMillis();
            breaksDone = timing.breaksDone();
        }
        return shift;
    }

    public static final class ShiftBuilder {
        private final String id;
        private final Technician technician;
        private LocalDate date = DATE;
        private long start = at(8, 0);
        private long end = at(16, 0);
        private long maxOvertime = 0;
        private int startLocation = 0;
        private int endLocation = 0;
        private final List<ShiftBreak> breaks = new ArrayList<>();
        private int[] capacity = {};
        private DenseTravelTimeMatrix matrix = MATRIX;

        private ShiftBuilder(String id, Technician technician) {
            this.id = id;
            this.technician = technician;
        }

        public ShiftBuilder date(LocalDate date) {
            this.date = date;
            return this;
        }

        public ShiftBuilder hours(long start, long end) {
            this.start = start;
            this.end = end;
            return this;
        }

        public ShiftBuilder maxOvertime(long millis) {
            this.maxOvertime = millis;
            return this;
        }

        public ShiftBuilder locations(int startLocation, int endLocation) {
            this.startLocation = startLocation;
            this.endLocation = endLocation;
            return this;
        }

        public ShiftBuilder addBreak(long earliestStart, long latestStart, long duration) {
            breaks.add(new ShiftBreak(earliestStart, latestStart, duration));
            return this;
        }

        public ShiftBuilder capacity(int... capacity) {
            this.capacity = capacity;
            return this;
        }

        public ShiftBuilder matrix(DenseTravelTimeMatrix matrix) {
            this.matrix = matrix;
            return this;
        }

        public Shift build() {
            return new Shift(id, technician, date, start, end, maxOvertime, startLocation, endLocation, breaks,
                    capacity, matrix);
        }
    }

    public static final class VisitBuilder {
        private final String id;
        private final int location;
        private long serviceDuration = 30 * MINUTE;
        private final List<TimeWindow> windows = new ArrayList<>();
        private Map<String, Integer> skills = Map.of();
        private List<String> certifications = List.of();
        private Priority priority = Priority.NORMAL;
        private Set<String> required = Set.of();
        private Set<String> preferred = Set.of();
        private Set<String> excluded = Set.of();
        private int[] demand = {};

        private VisitBuilder(String id, int location) {
            this.id = id;
            this.location = location;
        }

        public VisitBuilder service(long millis) {
            this.serviceDuration = millis;
            return this;
        }

        public VisitBuilder window(long start, long end) {
            windows.add(new TimeWindow(start, end));
            return this;
        }

        public VisitBuilder skills(Map<String, Integer> skills) {
            this.skills = skills;
            return this;
        }

        public VisitBuilder certifications(String... names) {
            this.certifications = List.of(names);
            return this;
        }

        public VisitBuilder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        public VisitBuilder requiredTechnicians(String... ids) {
            this.required = Set.of(ids);
            return this;
        }

        public VisitBuilder preferredTechnicians(String... ids) {
            this.preferred = Set.of(ids);
            return this;
        }

        public VisitBuilder excludedTechnicians(String... ids) {
            this.excluded = Set.of(ids);
            return this;
        }

        public VisitBuilder demand(int... demand) {
            this.demand = demand;
            return this;
        }

        public Visit build() {
            return new Visit(id, location, serviceDuration, windows, skills, certifications, priority, required,
                    preferred, excluded, demand);
        }
    }
}
