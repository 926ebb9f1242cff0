package org.techroute.api.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techroute.api.errors.ApiException;
import org.techroute.data.model.Violation;

/** {@code GET /api/audit}: who did what and when ("who moved my visit"). */
@RestController
@Tag(name = "security", description = "Sign-in, API keys and the audit trail")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Operation(summary = "The audit trail, newest first: who submitted, changed, stopped, booked, ... what and when",
            description = "Only writes that succeeded are recorded; refused ones are in the log.")
    @GetMapping(value = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AuditTrail.Event> audit(@Parameter(description = "only this plan") @RequestParam(required = false) String planId,
            @Parameter(description = "only events naming this visit") @RequestParam(required = false) String visitId,
            @Parameter(description = "only this caller") @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("invalid limit", List.of(new Violation("limit", null,
                    "limit must be between 1 and 1000, got " + limit)));
        }
        return trail.find(planId, visitId, actor, limit);
    }
}
