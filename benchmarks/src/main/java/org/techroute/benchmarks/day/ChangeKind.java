package org.techroute.benchmarks.day;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.SplittableRandom;

import org.techroute.data.changes.PlanChange;
import org.techroute.data.demo.PointSource;
import org.techroute.data.model.Problem;

/**
 * One type of random change the day simulator can make. Adding a type (e.g. {@code VISIT_DONE}, {@code UNPIN})
 * is one small implementation in {@link ChangeKinds} and one entry in {@link ChangeKinds#all()}.
 */
public interface ChangeKind {

    /** The change type as in the JSON, e.g. {@code ADD_VISIT}. */
    String type();

    /** How often this kind is drawn relative to the others. */
    int weight();

    /**
     * A random change of this kind for the day as planned, at {@code now}; empty when none makes sense now (no
     * visit in progress to run long, no standby technician left).
     */
    Optional<Generated> make(Day day, SplittableRandom random);

    /** What a change is made from: the latest plan, the time, and the day's generator state. */
    record Day(Problem plan, OffsetDateTime now, PointSource points, String standbyTechnicianId, int sequence) {
    }

    /**
     * A change and whether {@link org.techroute.data.changes.ChangeApplier} must refuse it (a change a
     * dispatcher could send by mistake, such as a shift that overlaps one the technician already has).
     */
    record Generated(PlanChange change, boolean mustBeRefused) {

        static Optional<Generated> valid(PlanChange change) {
            return Optional.of(new Generated(change, false));
        }

        static Optional<Generated> invalid(PlanChange change) {
            return Optional.of(new Generated(change, true));
        }
    }
}
