package org.techroute.data.changes;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Changes that arrive together and are applied as one batch.
 *
 * @param now           when set: visits that started before it are pinned where they are, and the rest of each
 *                      route cannot start before it
 * @param freezeMinutes with {@code now}: visits planned to start within this many minutes after {@code now} keep
 *                      their technician, order and time (the technician is already on his way)
 */
public record PlanChangeRequest(OffsetDateTime now, List<PlanChange> changes, Integer freezeMinutes) {

    public PlanChangeRequest(OffsetDateTime now, List<PlanChange> changes) {
        this(now, changes, null);
    }
}
