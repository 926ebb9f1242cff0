package org.techroute.data.changes;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Changes that arrive together and are applied as one batch.
 *
 * @param now when set: visits that started before it are pinned where they are, and the rest of each route
 *            cannot start before it
 */
public record PlanChangeRequest(OffsetDateTime now, List<PlanChange> changes) {
}
