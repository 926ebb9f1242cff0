package org.techroute.data.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Shift;
import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.Violation;
import org.techroute.data.model.Visit;
import org.techroute.data.solve.Planner;
import org.techroute.data.validation.InvalidProblemException;
import org.techroute.solver.move.SlotEvaluator;

/**
 * Offers appointment slots for a new visit in a plan, without changing it: the plan is mapped with the visit added
 * (unassigned), and each slot is judged by the insertion evaluation of the solver ({@link SlotEvaluator}): whether
 * the visit fits into a route with the slot as its time window, keeping every hard rule and every other visit where
 * it is; where, when, and at what estimated cost.
 */
public final class AppointmentFinder {

    public static final int MAX_SLOTS = 200;
    public static final int MAX_DAYS = 14;
    public static final int DEFAULT_SLOT_MINUTES = 120;

    private final Planner planner;

    /** @param planner the planner of the plans; the finder maps them for queries ({@link Planner#forQueries()}) */
    public AppointmentFinder(Planner planner) {
        this.planner = planner.forQueries();
    }

    /** What is wrong with a request before the plan is looked at (paths as in the request); empty when fine. */
    public static List<Violation> check(AppointmentRequest request) {
        List<Violation> errors = new ArrayList<>();
        checkVisit(request.visit(), errors);
        boolean cut = request.days() != null || request.slotMinutes() != null;
        if (request.slots() != null && cut) {
            errors.add(new Violation("$", null, "give either slots or days (with slotMinutes), not both"));
        } else if (request.slots() == null && request.days() == null) {
            errors.add(new Violation("$", null, "give the slots to judge, or days (with slotMinutes) to cut them over"
                    + " the plan's shifts"));
        }
        if (request.slots() != null) {
            if (request.slots().isEmpty() || request.slots().size() > MAX_SLOTS) {
                errors.add(new Violation("$.slots", null, "give 1 to " + MAX_SLOTS + " slots, got "
                        + request.slots().size()));
            }
            for (int i = 0; i < request.slots().size(); i++) {
                checkSlot("$.slots[" + i + "]", request.slots().get(i), errors);
            }
        }
        if (request.days() != null && (request.days() < 1 || request.days() > MAX_DAYS)) {
            errors.add(new Violation("$.days", null, "days must be between 1 and " + MAX_DAYS + ", got "
                    + request.days()));
        }
        if (request.slotMinutes() != null && (request.slotMinutes() < 15 || request.slotMinutes() > 1440)) {
            errors.add(new Violation("$.slotMinutes", null, "slotMinutes must be between 15 and 1440, got "
                    + request.slotMinutes()));
        }
        return errors;
    }

    /** What is wrong with a booking before the plan is looked at; empty when fine. */
    public static List<Violation> check(BookingRequest request) {
        List<Violation> errors = new ArrayList<>();
        checkVisit(request.visit(), errors);
        checkSlot("$.slot", request.slot(), errors);
        return errors;
    }

    static final String NOT_FOR_LINKED = "appointments are not supported for linked visits (crewId, after): a slot"
            + " is judged for one visit on its own; add a linked visit with the live change ADD_VISIT";

    private static void checkVisit(Visit visit, List<Violation> errors) {
        if (visit == null) {
            errors.add(new Violation("$.visit", null, "the visit is missing"));
            return;
        }
        if (visit.timeWindows() != null) {
            errors.add(new Violation("$.visit.timeWindows", visit.id(), "the slot is the visit's time window; leave"
                    + " timeWindows out"));
        }
        if (visit.pin() != null) {
            errors.add(new Violation("$.visit.pin", visit.id(), "a visit being booked cannot be pinned"));
        }
        if (visit.crewId() != null) {
            errors.add(new Violation("$.visit.crewId", visit.id(), "visit '" + visit.id() + "' is in crew '"
                    + visit.crewId() + "': " + NOT_FOR_LINKED));
        }
        if (!visit.afterOrEmpty().isEmpty()) {
            errors.add(new Violation("$.visit.after", visit.id(), "visit '" + visit.id() + "' follows other visits: "
                    + NOT_FOR_LINKED));
        }
    }

    private static void checkSlot(String path, TimeWindow slot, List<Violation> errors) {
        if (slot == null || slot.start() == null || slot.end() == null) {
            errors.add(new Violation(path, null, "a slot needs a start and an end"));
        } else if (!slot.end().isAfter(slot.start())) {
            errors.add(new Violation(path, null, "the slot ends (" + slot.end() + ") before it starts ("
                    + slot.start() + ")"));
        }
    }

    /**
     * Judges every slot of the request for the plan; the plan is not changed.
     *
     * @throws InvalidProblemException when the request or the visit is invalid (paths as in the request)
     */
    public AppointmentOffers offers(Problem plan, AppointmentRequest request) {
        List<Violation> errors = check(request);
        if (!errors.isEmpty()) {
            throw new InvalidProblemException(errors);
        }
        List<TimeWindow> slots = request.slots() != null ? request.slots()
                : cutSlots(plan, request.days(), request.slotMinutes() == null ? DEFAULT_SLOT_MINUTES
                        : request.slotMinutes());
        if (slots.isEmpty()) {
            throw new InvalidProblemException(List.of(new Violation("$.days", null, "the plan has no shift time"
                    + " left in the next " + request.days() + " working day(s) to cut slots over")));
        }
        Judge judge = new Judge(plan, request.visit());
        List<SlotOffer> offers = new ArrayList<>();
        for (TimeWindow slot : slots) {
            offers.add(judge.slot(slot));
        }
        offers.sort(BEST_FIRST);
        int feasible = (int) offers.stream().filter(SlotOffer::feasible).count();
        String score = plan.solution() == null ? null : plan.solution().score();
        return new AppointmentOffers(request.visit().id(), score, feasible, offers);
    }

    /** Judges one slot (the one a customer chose) for the plan. */
    public SlotOffer judge(Problem plan, Visit visit, TimeWindow slot) {
        return new Judge(plan, visit).slot(slot);
    }

    /** Feasible first, by score difference (best first) then start; then the infeasible ones by start. */
    static final Comparator<SlotOffer> BEST_FIRST = Comparator.comparing((SlotOffer o) -> !o.feasible())
            .thenComparing((a, b) -> a.feasible() ? score(b).compareTo(score(a)) : 0)
            .thenComparing(o -> o.start().toInstant());

    private static ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore score(
            SlotOffer offer) {
        return ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.parseScore(
                offer.scoreDiff());
    }

    /** The plan mapped once with the visit added; each slot judged on it. */
    private final class Judge {
        private final org.techroute.solver.domain.Visit visit;
        private final SlotEvaluator evaluator;

        Judge(Problem plan, Visit input) {
            List<Visit> visits = new ArrayList<>(plan.visitsOrEmpty());
            visits.add(input);
            Problem withVisit = plan.withResources(plan.techniciansOrEmpty(), plan.shiftsOrEmpty(), visits);
            MappedProblem mapped;
            try {
                mapped = planner.prepare(withVisit);
            } catch (InvalidProblemException e) {
                throw new InvalidProblemException(rebase(e.violations(), plan.visitsOrEmpty().size()));
            }
            List<org.techroute.solver.domain.Visit> planned = mapped.plan().getVisits();
            this.visit = planned.get(planned.size() - 1);
            this.evaluator = new SlotEvaluator(mapped.plan());
        }

        SlotOffer slot(TimeWindow slot) {
            org.techroute.solver.domain.Visit inSlot = visit.withTimeWindows(List.of(
                    new org.techroute.solver.domain.TimeWindow(millis(slot.start()), millis(slot.end()))));
            SlotEvaluator.Result result = evaluator.evaluate(inSlot);
            ZoneOffset offset = slot.start().getOffset();
            if (!result.feasible()) {
                return new SlotOffer(slot.start(), slot.end(), false, null, null, null, null, null, null, null,
                        result.reason(), result.detail());
            }
            SlotEvaluator.Offer offer = result.offer();
            return new SlotOffer(slot.start(), slot.end(), true, offer.scoreDiff().toString(),
                    offer.shift().getId(), offer.shift().getTechnician().getId(), offer.position(),
                    time(offer.arrivalMillis(), offset), time(offer.serviceStartMillis(), offset),
                    (offer.extraTravelMillis() + 999) / 1000, null, null);
        }
    }

    /**
     * Slots of {@code slotMinutes} over the plan's next {@code days} working days (days with a shift, from the
     * plan's {@code now} on, else from its first shift): each day from its earliest shift start to its latest shift
     * end, the last slot cut short at that end; slots that end before {@code now} are left out.
     */
    public static List<TimeWindow> cutSlots(Problem plan, int days, int slotMinutes) {
        TreeMap<LocalDate, OffsetDateTime[]> hours = new TreeMap<>();
        for (Shift shift : plan.shiftsOrEmpty()) {
            LocalDate day = shift.start().toLocalDate();
            OffsetDateTime[] span = hours.computeIfAbsent(day, d -> new OffsetDateTime[] { shift.start(),
                    shift.end() });
            if (shift.start().isBefore(span[0])) {
                span[0] = shift.start();
            }
            if (shift.end().isAfter(span[1])) {
                span[1] = shift.end().withOffsetSameInstant(span[0].getOffset());
            }
        }
        OffsetDateTime now = plan.now();
        List<TimeWindow> slots = new ArrayList<>();
        int used = 0;
        for (OffsetDateTime[] span : hours.values()) {
            if (used == days) {
                break;
            }
            if (now != null && !span[1].isAfter(now)) {
                continue;
            }
            used++;
            for (OffsetDateTime start = span[0]; start.isBefore(span[1]); start = start.plusMinutes(slotMinutes)) {
                OffsetDateTime end = start.plusMinutes(slotMinutes);
                if (end.isAfter(span[1])) {
                    end = span[1];
                }
                if (now == null || end.isAfter(now)) {
                    slots.add(new TimeWindow(start, end));
                }
                if (slots.size() == MAX_SLOTS) {
                    return slots;
                }
            }
        }
        return slots;
    }

    /** Rewrites the paths of the appended visit ({@code $.visits[index]...}) to {@code $.visit...}. */
    static List<Violation> rebase(List<Violation> violations, int index) {
        String prefix = "$.visits[" + index + "]";
        return violations.stream().map(v -> v.path() != null && v.path().startsWith(prefix)
                ? new Violation("$.visit" + v.path().substring(prefix.length()), v.entityId(), v.message()) : v)
                .toList();
    }

    private static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }

    private static OffsetDateTime time(long millis, ZoneOffset offset) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), offset);
    }
}
