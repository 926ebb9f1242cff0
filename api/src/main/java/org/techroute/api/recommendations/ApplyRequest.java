package org.techroute.api.recommendations;

import org.techroute.data.model.Visit;

/** Inserts a new visit into a shift's route at a position (usually a recommendation taken). */
public record ApplyRequest(Visit visit, String shiftId, int position) {
}
