package org.techroute.benchmarks.day;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.techroute.data.changes.PlanChange;
import org.techroute.data.model.Priority;
import org.techroute.data.model.Shift;
import org.techroute.data.model.ShiftBreak;
import org.techroute.data.model.Technician;
import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.Visit;

/** The change types the day simulator makes, each a small {@link ChangeKind}. */
public final class ChangeKinds {

    private ChangeKinds() {
    }

    /** Every kind, with its weight. */
    public static List<ChangeKind> all() {
        return List.of(new Emergency(), new Cancel(), new RunsLong(), new Unavailable(), new AddShift(),
                new Shorten());
    }

    /** The shifts under way at {@code now} with at least {@code left} to go. */
    static List<Shift> shiftsUnderWay(ChangeKind.Day day, Duration left) {
        return day.plan().shiftsOrEmpty().stream()
                .filter(s -> !s.start().isAfter(day.now()) && s.end().isAfter(day.now().plus(left))).toList();
    }

    static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    static OffsetDateTime minutes(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * {@code ADD_VISIT}: an emergency call. Half are CRITICAL; its skill is one a working technician has; its
     * window opens now (sometimes a second window later, sometimes none).
     */
    static final class Emergency implements ChangeKind {
        public String type() {
            return "ADD_VISIT";
        }

        public int weight() {
            return 4;
        }

        public Optional<Generated> make(Day day, SplittableRandom random) {
            List<Shift> working = shiftsUnderWay(day, Duration.ofMinutes(45));
            if (working.isEmpty()) {
                return Optional.empty();
            }
            Shift shift = pick(working, random);
            Technician model = day.plan().techniciansOrEmpty().stream()
                    .filter(t -> t.id().equals(shift.technicianId())).findFirst().orElseThrow();
            List<String> skills = new ArrayList<>(model.skillsOrEmpty().keySet());
            Map<String, Integer> required = new LinkedHashMap<>();
            if (!skills.isEmpty()) {
                String skill = pick(skills, random);
                required.put(skill, 1 + random.nextInt(model.skillsOrEmpty().get(skill)));
            }
            int roll = random.nextInt(10);
            Priority priority = roll < 5 ? Priority.CRITICAL : roll < 8 ? Priority.HIGH : Priority.NORMAL;
            OffsetDateTime open = minutes(day.now());
            OffsetDateTime dayEnd = open.withHour(17).withMinute(0);
            List<TimeWindow> windows = switch (random.nextInt(8)) {
                case 0, 1 -> List.of(new TimeWindow(open, open.plusMinutes(90)),
                        new TimeWindow(open.plusHours(4), open.plusHours(5)));
                case 2 -> List.of();
                default -> List.of(new TimeWindow(open, open.plusHours(3).isBefore(dayEnd) ? dayEnd
                        : open.plusHours(3)));
            };
            long service = 60L * (30 + 15 * random.nextInt(5));
            Visit visit = new Visit(String.format("E%02d", day.sequence()), "Emergency " + day.sequence(),
                    day.points().next(random), service, windows.isEmpty() ? null : windows, required, null, priority,
                    null, null, null, List.of(1 + random.nextInt(3)), null);
            return Generated.valid(new PlanChange.AddVisit(visit));
        }
    }

    /** {@code CANCEL_VISIT}: a visit not started and not pinned is called off. */
    static final class Cancel implements ChangeKind {
        public String type() {
            return "CANCEL_VISIT";
        }

        public int weight() {
            return 2;
        }

        public Optional<Generated> make(Day day, SplittableRandom random) {
            PlanView view = new PlanView(day.plan());
            List<String> open = view.visits.values().stream()
                    .filter(v -> v.pin() == null)
                    .filter(v -> !view.services.containsKey(v.id())
                            || !view.services.get(v.id()).start().isBefore(day.now()))
                    .map(Visit::id).toList();
            return open.isEmpty() ? Optional.empty() : Generated.valid(new PlanChange.CancelVisit(pick(open, random)));
        }
    }

    /** {@code VISIT_RUNS_LONG}: a visit in progress ends 15 to 90 minutes later than planned. */
    static final class RunsLong implements ChangeKind {
        public String type() {
            return "VISIT_RUNS_LONG";
        }

        public int weight() {
            return 2;
        }

        public Optional<Generated> make(Day day, SplittableRandom random) {
            PlanView view = new PlanView(day.plan());
            List<PlanView.Service> inProgress = view.services.values().stream()
                    .filter(s -> s.start().isBefore(day.now()) && s.end().isAfter(day.now())).toList();
            if (inProgress.isEmpty()) {
                return Optional.empty();
            }
            PlanView.Service service = pick(inProgress, random);
            return Generated.valid(new PlanChange.VisitRunsLong(service.visitId(),
                    minutes(service.end()).plusMinutes(15 + 15 * random.nextInt(6))));
        }
    }

    /** {@code TECHNICIAN_UNAVAILABLE}: a working technician goes home, now or within the hour. */
    static final class Unavailable implements ChangeKind {
        public String type() {
            return "TECHNICIAN_UNAVAILABLE";
        }

        public int weight() {
            return 1;
        }

        public Optional<Generated> make(Day day, SplittableRandom random) {
            List<Shift> working = shiftsUnderWay(day, Duration.ofMinutes(60));
            if (working.size() < 2) {
                return Optional.empty(); // keep someone to re-plan onto
            }
            Shift shift = pick(working, random);
            OffsetDateTime from = minutes(day.now()).plusMinutes(1 + 15 * random.nextInt(5));
            return Generated.valid(new PlanChange.TechnicianUnavailable(shift.technicianId(), from));
        }
    }

    /**
     * {@code ADD_SHIFT}: the standby technician (who has no shift in the morning) is called in from half an hour
     * from now; one time in four instead a working technician gets a second, overlapping shift, which must be
     * refused.
     */
    static final class AddShift implements ChangeKind {
        public String type() {
            return "ADD_SHIFT";
        }

        public int weight() {
            return 1;
        }

        public Optional<Generated> make(Day day, SplittableRandom random) {
            OffsetDateTime start = minutes(day.now()).plusMinutes(30);
            OffsetDateTime end = start.plusHours(3).isBefore(start.withHour(17).withMinute(0))
                    ? start.withHour(17).withMinute(0) : start.plusHours(3);
            List<ShiftBreak> lunch = start.isBefore(start.withHour(11).withMinute(30))
                    ? List.of(new ShiftBreak(start.withHour(11).withMinute(30), start.withHour(13).withMinute(30),
                            1800L))
                    : null;
            boolean standbyFree = day.standbyTechnicianId() != null && day.plan().shiftsOrEmpty().stream()
                    .noneMatch(s -> s.technicianId().equals(day.standbyTechnicianId()));
            if (random.nextInt(4) == 0 || !standbyFree) {
                List<Shift> working = shiftsUnderWay(day, Duration.ofMinutes(60));
                if (working.isEmpty()) {
                    return Optional.empty();
                }
                Shift busy = pick(working, random);
                return Generated.invalid(new PlanChange.AddShift(new Shift(busy.technicianId() + "-extra-"
                        + day.sequence(), busy.technicianId(), start, end, null, null, 0L, lunch, List.of(20))));
            }
            return Generated.valid(new PlanChange.AddShift(new Shift(day.standbyTechnicianId() + "-called-in-"
                    + day.sequence(), day.standbyTechnicianId(), start, end, null, null, 3600L, lunch, List.of(20))));
        }
    }

    /** {@code SHORTEN_SHIFT}: a shift under way ends earlier, at least half an hour from now. */
    static final class Shorten implements ChangeKind {
        public String type() {
            return "SHORTEN_SHIFT";
        }

        public int weight() {
            return 1;
        }

        public Optional<Generated> make(Day day, SplittableRandom random) {
            List<Shift> working = shiftsUnderWay(day, Duration.ofMinutes(75));
            if (working.isEmpty()) {
                return Optional.empty();
            }
            Shift shift = pick(working, random);
            long room = Duration.between(minutes(day.now()).plusMinutes(30), shift.end()).toMinutes() - 15;
            OffsetDateTime end = minutes(day.now()).plusMinutes(30 + 15 * random.nextInt((int) (room / 15) + 1));
            return Generated.valid(new PlanChange.ShortenShift(shift.id(), end));
        }
    }
}
