package org.techroute.api.appointments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ErrorResponse;
import org.techroute.data.appointments.AppointmentOffers;
import org.techroute.data.appointments.AppointmentRequest;
import org.techroute.data.appointments.BookingRequest;
import org.techroute.data.json.ProblemFormatException;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Violation;

@RestController
@RequestMapping("/api/plans/{id}/appointments")
@Tag(name = "appointments", description = "Offering and booking appointment slots for a new visit")
class AppointmentController {


    private final AppointmentService appointments;

    AppointmentController(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @Operation(summary = "Which slots a new visit can have, best first; the plan is not changed",
            description = "Body: {visit, slots: [{start, end}, ...]} or {visit, days, slotMinutes?} (slots cut over"
                    + " the plan's next working days, 120 minutes by default). The visit has no timeWindows: each"
                    + " slot is its window (service starts in it). Each slot: feasible, the estimated score"
                    + " difference, the shift, technician, position, expected arrival and service start; or the"
                    + " reason it is not feasible.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AppointmentRequest.class))))
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = AppointmentOffers.class)))
    @ErrorResponse(status = "400", description = "Malformed JSON")
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "422", description = "Invalid request (e.g. a slot that ends before it starts, a"
            + " duplicate visit id, a linked visit: crewId, after), with the JSON path of each error")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    AppointmentOffers offers(@PathVariable String id, @RequestBody byte[] body) {
        return appointments.offers(id, read(body, AppointmentRequest.class, "an appointment request"));
    }

    @Operation(summary = "Book a slot: the visit is added with the slot as its time window, and the plan re-planned",
            description = "Body: {visit, slot: {start, end}, now?}. The slot is judged again first: if it is no"
                    + " longer feasible, 409 with the reason. Then the visit goes in as a live change ADD_VISIT"
                    + " (as POST .../changes): the answer has the slot as judged and the change's answer.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = BookingRequest.class))))
    @ApiResponse(responseCode = "200", description = "Booked, re-planned (the change answer is not pending)")
    @ApiResponse(responseCode = "202", description = "Booked; the re-plan's first result is still pending")
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "409", description = "The slot is not available (any more)")
    @ErrorResponse(status = "422", description = "Invalid request, with the JSON path of each error")
    @PostMapping(value = "/book", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AppointmentService.Booking> book(@PathVariable String id, @RequestBody byte[] body) {
        AppointmentService.Booking booking = appointments.book(id, read(body, BookingRequest.class,
                "a booking request"));
        return ResponseEntity.status(booking.change().pending() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(booking);
    }

    private static <T> T read(byte[] body, Class<T> type, String what) {
        if (body == null || body.length == 0) {
            throw ApiException.malformed(new Violation("$", null, "the request body is empty"));
        }
        try {
            return ProblemJson.read(new ByteArrayInputStream(body), type, what);
        } catch (ProblemFormatException e) {
            throw ApiException.malformed(e.violation());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
