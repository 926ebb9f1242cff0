package org.techroute.data.mapping;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.techroute.data.model.Violation;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.ShiftBreak;
import org.techroute.solver.domain.TakenBreak;
import org.techroute.solver.domain.Visit;

/**
 * Decides, for a day under way, which of a shift's breaks are facts and which are still to be planned:
 * <ul>
 * <li>a break recorded as {@code taken} is a fact at its recorded times;</li>
 * <li>a break whose latest start is still ahead (not before "now" nor before the end of the last started visit)
 * is planned as usual;</li>
 * <li>a break whose window is over is never planned after "now": it is taken as taken in the earliest gap of the
 * day that had room for it (free time between started visits, travel included, or before "now"), or, when the
 * started visits left no room, it is not planned and not penalised (a warning says so).</li>
 * </ul>
 * Without "now" and without started visits every break not recorded as taken is planned.
 */
final class BreakState {

    private BreakState() {
    }

    /** One interval of the past in which the technician was free, with the travel that had to fit in it. */
    private record Gap(long start, long end, long travelMillis) {
    }

    static void apply(int shiftIndex, org.techroute.data.model.Shift input, Shift shift, Long nowMillis,
            List<Violation> warnings) {
        var inputs = input.breaksOrEmpty();
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < inputs.size(); b++) {
            order.add(b);
        }
        order.sort(Comparator.comparing(b -> inputs.get(b).earliestStart()));
        List<Visit> started = shift.getVisits().stream().filter(Visit::isStarted)
                .sorted(Comparator.comparingLong(Visit::getActualStartMillis)).toList();
        boolean underWay = nowMillis != null || !started.isEmpty();
        long freeFrom = nowMillis == null ? Long.MIN_VALUE : nowMillis;
        for (Visit visit : started) {
            freeFrom = Math.max(freeFrom, end(visit));
        }
        List<ShiftBreak> due = new ArrayList<>();
        List<TakenBreak> taken = new ArrayList<>();
        for (int b : order) {
            var rule = inputs.get(b);
            if (rule.taken() != null) {
                long start = millis(rule.taken().start());
                long end = rule.taken().end() != null ? millis(rule.taken().end())
                        : start + rule.durationSeconds() * 1000;
                taken.add(new TakenBreak(start, end, false));
            }
        }
        List<Gap> gaps = underWay ? gaps(shift, started, nowMillis) : List.of();
        for (int b : order) {
            var rule = inputs.get(b);
            if (rule.taken() != null) {
                continue;
            }
            ShiftBreak pending = new ShiftBreak(millis(rule.earliestStart()), millis(rule.latestStart()),
                    rule.durationSeconds() * 1000);
            if (!underWay || pending.latestStartMillis() >= freeFrom) {
                due.add(pending);
                continue;
            }
            Long start = placeInGap(pending, gaps, taken);
            if (start != null) {
                taken.add(new TakenBreak(start, start + pending.durationMillis(), true));
            } else {
                warnings.add(new org.techroute.data.model.Violation("$.shifts[" + shiftIndex + "].breaks[" + b + "]",
                        input.id(), "the break's window (latest start " + rule.latestStart() + ") is over and the "
                                + "started visits left no room for it; it is not planned and not penalised"));
            }
        }
        taken.sort(Comparator.comparingLong(TakenBreak::startMillis));
        shift.setBreakState(due, taken);
    }

    private static List<Gap> gaps(Shift shift, List<Visit> started, Long nowMillis) {
        List<Gap> gaps = new ArrayList<>();
        var matrix = shift.getMatrix();
        int from = shift.getStartLocation();
        long free = shift.getStartMillis();
        for (Visit visit : started) {
            gaps.add(new Gap(free, visit.getActualStartMillis(), matrix.travelMillis(from, visit.getLocation())));
            from = visit.getLocation();
            free = Math.max(free, end(visit));
        }
        if (nowMillis != null && nowMillis > free) {
            gaps.add(new Gap(free, nowMillis, 0));
        }
        return gaps;
    }

    /** The earliest start in a gap of the past that has room for the break and its travel, or null. */
    private static Long placeInGap(ShiftBreak rule, List<Gap> gaps, List<TakenBreak> taken) {
        for (Gap gap : gaps) {
            long afterTravel = Math.max(gap.start() + gap.travelMillis(), rule.earliestStartMillis());
            if (fits(rule, afterTravel, afterTravel + rule.durationMillis() <= gap.end(), taken)) {
                return afterTravel;
            }
            long beforeTravel = Math.max(gap.start(), rule.earliestStartMillis());
            if (fits(rule, beforeTravel, beforeTravel + rule.durationMillis() + gap.travelMillis() <= gap.end(),
                    taken)) {
                return beforeTravel;
            }
        }
        return null;
    }

    private static boolean fits(ShiftBreak rule, long start, boolean room, List<TakenBreak> taken) {
        if (!room || start > rule.latestStartMillis()) {
            return false;
        }
        long end = start + rule.durationMillis();
        return taken.stream().noneMatch(t -> t.startMillis() < end && start < t.endMillis());
    }

    private static long end(Visit visit) {
        return visit.getExpectedEndMillis() != null ? visit.getExpectedEndMillis()
                : visit.getActualStartMillis() + visit.getServiceDurationMillis();
    }

    private static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }
}
