package org.techroute.api.appointments;

import java.util.List;

import org.springframework.stereotype.Service;
import org.techroute.api.errors.ApiException;
import org.techroute.api.plans.PlanChanges;
import org.techroute.api.plans.PlanService;
import org.techroute.data.appointments.AppointmentFinder;
import org.techroute.data.appointments.AppointmentOffers;
import org.techroute.data.appointments.AppointmentRequest;
import org.techroute.data.appointments.BookingRequest;
import org.techroute.data.appointments.SlotOffer;
import org.techroute.data.changes.PlanChange;
import org.techroute.data.changes.PlanChangeRequest;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;
import org.techroute.data.model.Visit;
import org.techroute.data.solve.Planner;
import org.techroute.data.validation.InvalidProblemException;

/**
 * Appointment booking for a call-centre agent: the slots a new visit can have in a stored plan (the plan is not
 * changed), and booking the chosen one, which adds the visit with that slot as its time window through the live
 * change {@code ADD_VISIT} and re-plans.
 */
@Service
public class AppointmentService {

    private final PlanService plans;
    private final PlanChanges changes;
    private final AppointmentFinder finder;

    public AppointmentService(PlanService plans, PlanChanges changes, Planner planner) {
        this.plans = plans;
        this.changes = changes;
        this.finder = new AppointmentFinder(planner);
    }

    /** What was booked: the slot as judged just before, and the change that added the visit. */
    public record Booking(SlotOffer slot, PlanChanges.ChangeResult change) {
    }

    public AppointmentOffers offers(String planId, AppointmentRequest request) {
        Problem plan = plans.stored(planId).document();
        try {
            return finder.offers(plan, request);
        } catch (InvalidProblemException e) {
            throw invalid(e.violations());
        }
    }

    /**
     * Books the slot if it is still feasible (409 otherwise, with the reason), then adds the visit as a live change;
     * the answer of the change (mode, diff) comes back as for {@code POST .../changes}.
     */
    public Booking book(String planId, BookingRequest request) {
        List<Violation> errors = AppointmentFinder.check(request);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        Problem plan = plans.stored(planId).document();
        SlotOffer judged;
        try {
            judged = finder.judge(plan, request.visit(), request.slot());
        } catch (InvalidProblemException e) {
            throw invalid(e.violations());
        }
        if (!judged.feasible()) {
            throw ApiException.conflict("the slot " + request.slot().start() + " to " + request.slot().end()
                    + " is not available for visit '" + request.visit().id() + "' (" + judged.reason() + "): "
                    + judged.detail());
        }
        Visit visit = request.visit();
        Visit booked = new Visit(visit.id(), visit.customerName(), visit.location(), visit.serviceDurationSeconds(),
                List.of(request.slot()), visit.requiredSkills(), visit.requiredCertifications(), visit.priority(),
                visit.requiredTechnicianIds(), visit.preferredTechnicianIds(), visit.excludedTechnicianIds(),
                visit.demand(), visit.parts(), null, visit.address(), visit.notes());
        PlanChanges.ChangeResult change = changes.change(planId, new PlanChangeRequest(request.now(),
                List.of(new PlanChange.AddVisit(booked))));
        return new Booking(judged, change);
    }

    private static ApiException invalid(List<Violation> violations) {
        return ApiException.validation("the appointment request has " + violations.size() + " error(s)",
                violations);
    }
}
