package org.techroute.api.recommendations;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techroute.api.errors.ErrorResponse;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.JsonBodies;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;
import org.techroute.data.model.Visit;

/** {@code /api/plans/{id}/recommendations}: where a new visit fits best, and inserting it there. */
@RestController
@RequestMapping("/api/plans/{id}/recommendations")
@Tag(name = "recommendations", description = "Placing a new visit into a plan")
class RecommendationController {

    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final RecommendationService recommendations;

    RecommendationController(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @Operation(summary = "The best placements (shift, position) of a new visit, with the score difference each"
            + " makes", description = "The body is a visit as in a problem document. The plan is not changed.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Visit.class))))
    @ApiResponse(responseCode = "200")
    @ErrorResponse(status = "400", description = "Malformed JSON")
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "422", description = "The visit is invalid (e.g. a duplicate id), or linked"
            + " (crewId, after): not supported for linked visits")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    RecommendationList recommend(@PathVariable String id, @RequestBody byte[] body,
            @RequestParam(defaultValue = "5") int limit) {
        Visit visit = JsonBodies.visit(JsonBodies.tree(body), "$");
        return recommendations.recommend(id, visit, limit);
    }

    @Operation(summary = "Insert a new visit into a shift's route at a position",
            description = "Body: {visit, shiftId, position}. The stored problem gains the visit and the shift's"
                    + " route gains it at that position; the plan is described again and returned. Refused (409)"
                    + " while the plan is being solved.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ApplyRequest.class))))
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = Problem.class)))
    @ErrorResponse(status = "400", description = "Malformed JSON")
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "409", description = "The plan is being solved")
    @ErrorResponse(status = "422", description = "Invalid or linked visit (crewId, after), unknown shift or"
            + " position out of range")
    @PostMapping(value = "/apply", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> apply(@PathVariable String id, @RequestBody byte[] body) {
        ApplyRequest request = readApply(JsonBodies.tree(body));
        Problem plan = recommendations.apply(id, request);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ProblemJson.write(plan));
    }

    private static ApplyRequest readApply(JsonNode tree) {
        if (!tree.isObject()) {
            throw ApiException.malformed(new Violation("$", null, "the body must be a JSON object"));
        }
        tree.fieldNames().forEachRemaining(name -> {
            if (!List.of("visit", "shiftId", "position").contains(name)) {
                throw ApiException.malformed(new Violation("$." + name, null, "unknown field '" + name + "'"));
            }
        });
        Visit visit = JsonBodies.visit(tree.get("visit"), "$.visit");
        JsonNode shift = tree.get("shiftId");
        if (shift == null || !shift.isTextual()) {
            throw ApiException.malformed(new Violation("$.shiftId", null, "shiftId must be a string"));
        }
        JsonNode position = tree.get("position");
        if (position == null || !position.isInt()) {
            throw ApiException.malformed(new Violation("$.position", null, "position must be a whole number"));
        }
        return new ApplyRequest(visit, shift.asText(), position.asInt());
    }
}
