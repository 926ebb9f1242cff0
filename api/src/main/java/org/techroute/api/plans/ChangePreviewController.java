package org.techroute.api.plans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.techroute.api.errors.ErrorResponse;
import org.techroute.data.changes.PlanChangeRequest;

/** {@code POST /api/plans/{id}/changes/preview}: what a change would cost, before it is made. */
@RestController
@Tag(name = "plans", description = "Plans and their solving runs")
class ChangePreviewController {

    private final ChangePreviews previews;

    ChangePreviewController(ChangePreviews previews) {
        this.previews = previews;
    }

    @Operation(summary = "What a change would cost, before it is made (e.g. a MOVE_VISIT while dragging)",
            description = "The body is a change request as for POST .../changes. The change is applied to the"
                    + " stored plan with every route kept as it stands (nothing is re-planned, stored or solved)"
                    + " and both plans are scored by the solver's constraints: scoreDiff, the hard and medium"
                    + " constraints it breaks (broken), each constraint's difference with its new penalties, and"
                    + " where the moved or locked visits would be and when.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PlanChangeRequest.class))))
    @ApiResponse(responseCode = "200")
    @ErrorResponse(status = "400", description = "Malformed body, e.g. an unknown change type")
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "409", description = "The plan has no solution yet")
    @ErrorResponse(status = "422", description = "Changes that cannot be applied (violations with paths like"
            + " $.changes[0].shiftId and entity ids)")
    @PostMapping(value = "/api/plans/{id}/changes/preview", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ChangePreviews.Preview preview(@PathVariable String id, @RequestBody PlanChangeRequest request) {
        return previews.preview(id, request);
    }
}
