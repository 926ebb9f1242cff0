package org.techroute.api.plans;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.techroute.api.config.PolledRead;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ErrorResponse;
import org.techroute.api.errors.JsonBodies;
import org.techroute.data.changes.PlanChangeRequest;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;

/** {@code /api/plans}: submit, list, read, follow, stop, delete and re-solve plans. */
@RestController
@RequestMapping("/api/plans")
@Tag(name = "plans", description = "Plans and their solving runs")
class PlanController {

    private final PlanService plans;
    private final PlanChanges changes;
    private final PlanEvents events;
    private final PlanCommands commands;

    PlanController(PlanService plans, PlanChanges changes, PlanEvents events, PlanCommands commands) {
        this.plans = plans;
        this.changes = changes;
        this.events = events;
        this.commands = commands;
    }

    @Operation(summary = "Submit a problem and start solving it",
            description = "The body is a problem document (the same JSON as the command line's input). It is read,"
                    + " validated and stored, then solved for its options.timeLimit. With an Idempotency-Key, a"
                    + " retried submit returns the plan the first one made (200) instead of a second job.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Problem.class))))
    @ApiResponse(responseCode = "202", description = "Accepted; Location: /api/plans/{id}")
    @ApiResponse(responseCode = "200", description = "An idempotent replay: the plan the same key made before")
    @ErrorResponse(status = "400", description = "Malformed JSON (type malformed-json, with the JSON path)")
    @ErrorResponse(status = "413", description = "Body too large (type too-large)")
    @ErrorResponse(status = "415", description = "Not application/json")
    @ErrorResponse(status = "422", description = "Invalid problem (type validation, with violations),"
            + " unsupported travel mode, or an Idempotency-Key reused with another body")
    @ErrorResponse(status = "429", description = "Solver queue full (type queue-full, Retry-After)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PlanStatusView> submit(@RequestBody byte[] body,
            @Parameter(in = ParameterIn.HEADER, description = "makes retries safe: 1-200 visible ASCII characters")
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        Problem problem = JsonBodies.problem(body);
        PlanService.Submission submission = plans.submit(problem, idempotencyKey, PlanService.hash(body));
        return accepted(submission);
    }

    @Operation(summary = "List plans, newest first")
    @ApiResponse(responseCode = "200", description = "A page of plans")
    @ErrorResponse(status = "400", description = "Bad paging parameters")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    PlanPage list(@RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (offset < 0) {
            throw ApiException.badRequest("invalid paging", List.of(new Violation("offset", null,
                    "offset must be at least 0, got " + offset)));
        }
        return plans.list(limit, offset);
    }

    @Operation(summary = "The current plan document (problem + solution)",
            description = "While solving, the latest saved best (saved at most once per second). Before the first"
                    + " best solution, the problem as submitted (no solution).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = Problem.class)))
    @ErrorResponse(status = "404", description = "No such plan")
    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> get(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(plans.document(id));
    }

    @Operation(summary = "The plan's status, score and feasibility (cheap to poll)")
    @ApiResponse(responseCode = "200")
    @ErrorResponse(status = "404", description = "No such plan")
    @GetMapping(value = "/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @PolledRead
    PlanStatusView status(@PathVariable String id) {
        return plans.status(id);
    }

    @Operation(summary = "Score per constraint, with the visits and shifts involved, and why visits are unassigned")
    @ApiResponse(responseCode = "200")
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "409", description = "No solution yet")
    @GetMapping(value = "/{id}/analysis", produces = MediaType.APPLICATION_JSON_VALUE)
    PlanAnalysis analysis(@PathVariable String id) {
        return plans.analysis(id);
    }

    @Operation(summary = "Follow solving as server-sent events",
            description = "Events: 'status' (on subscribe and on every status change) and 'best-score'"
                    + " {score, feasible, elapsedMillis} for each new best score. The stream completes when the run"
                    + " ends (at once if the plan is not being solved).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE))
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "429", description = "Too many event streams")
    @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String id) {
        plans.status(id);
        SseEmitter emitter = events.subscribe(id);
        events.welcome(id, emitter, plans.statusEvent(id));
        return emitter;
    }

    @Operation(summary = "Stop solving early, keeping the best plan (status STOPPED)",
            description = "Asynchronous: the status becomes STOPPED within a solver step. A plan that is not being"
                    + " solved is left as it is. In cluster mode any instance takes it: a plan solved by another"
                    + " instance is stopped there.")
    @ApiResponse(responseCode = "202", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = PlanStatusView.class)))
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "503", description = "Cluster mode: the instance solving the plan did not take the"
            + " request in time (nothing changed; try again)")
    @DeleteMapping(value = "/{id}/solving", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> stop(@PathVariable String id) {
        Optional<PlanCommands.Answer> forwarded = commands.stop(id);
        if (forwarded.isPresent()) {
            return forwarded.get().response();
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(plans.stop(id));
    }

    @Operation(summary = "Delete a plan (stopping its run first)")
    @ApiResponse(responseCode = "204")
    @ErrorResponse(status = "404", description = "No such plan")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        plans.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Solve a finished plan again from its current routes",
            description = "Starts a new run (run + 1): the status goes back to QUEUED, then SOLVING, SOLVED or"
                    + " STOPPED. Within a run the status only moves forward.")
    @ApiResponse(responseCode = "202", description = "Accepted; Location: /api/plans/{id}")
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "409", description = "The plan is being solved, or its last run is still saving its"
            + " end (after 30 s)")
    @ErrorResponse(status = "429", description = "Solver queue full")
    @PostMapping(value = "/{id}/solve", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PlanStatusView> solveAgain(@PathVariable String id) {
        return accepted(plans.solveAgain(id));
    }

    @Operation(summary = "Apply live changes (emergency, cancellation, unpin, visit running long or done, technician"
            + " unavailable, new or shorter shift, a visit moved or locked by the dispatcher) and re-plan",
            description = "The body is {now?, freezeMinutes?, changes: [{type: ADD_VISIT | CANCEL_VISIT | UNPIN |"
                    + " VISIT_RUNS_LONG | VISIT_DONE | TECHNICIAN_UNAVAILABLE | ADD_SHIFT | SHORTEN_SHIFT | MOVE_VISIT"
                    + " | LOCK_VISIT | LOCK_ROUTE | UNLOCK_ROUTE, ...}]}"
                    + " (see docs/model.md). All changes apply together or none do. With now, visits that started"
                    + " before it keep their shift, position and start; with freezeMinutes, so do the visits planned"
                    + " to start within that many minutes after now. A plan being solved takes the changes into its running solver (mode"
                    + " LIVE, same run), except cancellations, moved visits and removed shifts: those stop the run and"
                    + " start a"
                    + " new one from the changed plan (RESTARTED). A plan not being solved gets a new run from the"
                    + " changed plan (NEW_RUN). A live change is applied to the routes the solver is working on"
                    + " when it takes the change; the answer names that version (basedOn: score, routes, started"
                    + " visits pinned) and the change (changeId). It waits up to techroute.changes.response-wait"
                    + " (PT5S) for the first best solution of the changed plan (the plan built with the change,"
                    + " never the solver's starting point with new visits not placed yet) and reports what moved (diff:"
                    + " reassigned, timesShifted, unassigned, visitsMoved; provisional: the solver goes on, see GET"
                    + " .../changes/{changeId}) with 200; if none came in time, 202 with pending: true. In cluster"
                    + " mode any instance takes it: a change to a plan solved by another instance is carried out"
                    + " there and its answer returned.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PlanChangeRequest.class))))
    @ApiResponse(responseCode = "200", description = "Applied; diff between the version the change was applied to"
            + " (basedOn) and the first best solution after the change", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PlanChanges.ChangeResult.class)))
    @ApiResponse(responseCode = "202", description = "Applied; no best solution yet (pending: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PlanChanges.ChangeResult.class)))
    @ErrorResponse(status = "400", description = "Malformed body, e.g. an unknown change type (path"
            + " $.changes[0])")
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "409", description = "The plan is validating, being solved by another instance, or its"
            + " last run is still saving its end (after 30 s)")
    @ErrorResponse(status = "422", description = "Changes that cannot be applied (type validation, violations"
            + " with paths like $.changes[1].visitId and entity ids); nothing was changed")
    @ErrorResponse(status = "429", description = "Solver queue full (when a new run is needed)")
    @ErrorResponse(status = "503", description = "Cluster mode: the instance solving the plan did not take the"
            + " change in time (nothing changed; try again)")
    @PostMapping(value = "/{id}/changes", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> change(@PathVariable String id, @RequestBody PlanChangeRequest request) {
        Optional<PlanCommands.Answer> forwarded = commands.change(id, request);
        if (forwarded.isPresent()) {
            return forwarded.get().response();
        }
        PlanChanges.ChangeResult result = changes.change(id, request);
        return ResponseEntity.status(result.pending() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(result);
    }

    @Operation(summary = "A change as it stands: the plan version it was applied to and what moved since",
            description = "changeId comes from the answer to POST .../changes. state: QUEUED (not yet in the"
                    + " solver), APPLIED, FAILED (nothing was changed; reason, violations). basedOn: the plan"
                    + " version the change was applied to (score, routes, started visits pinned). diff: what moved"
                    + " between basedOn and the newest saved best solution of the run that re-plans the change"
                    + " (provisional: true while that run is solving; false: the run's final plan). Kept in memory"
                    + " for the last changes of each plan, at the instance that carried the change out; in cluster mode"
                    + " any instance answers while the plan is under way (it asks the one solving the plan).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ChangeTrack.View.class)))
    @ErrorResponse(status = "404", description = "No such plan, or no such change (or no longer kept)")
    @GetMapping(value = "/{id}/changes/{changeId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> changeView(@PathVariable String id, @PathVariable String changeId) {
        try {
            return ResponseEntity.ok(changes.view(id, changeId));
        } catch (ApiException e) {
            // kept at the instance that carried the change out: in cluster mode, ask the one solving the plan
            if (e.status().value() == 404) {
                Optional<PlanCommands.Answer> forwarded = commands.changeView(id, changeId);
                if (forwarded.isPresent()) {
                    return forwarded.get().response();
                }
            }
            throw e;
        }
    }

    static ResponseEntity<PlanStatusView> accepted(PlanService.Submission submission) {
        return ResponseEntity.status(submission.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/plans/" + submission.plan().id())).body(submission.plan());
    }
}
