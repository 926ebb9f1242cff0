package org.techroute.api.webhooks;

import java.net.URI;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ErrorResponse;
import org.techroute.data.model.Violation;

/**
 * {@code /api/webhooks}: an admin registers, lists and deletes the URLs that receive run events, and sees the
 * deliveries to each.
 */
@RestController
@Tag(name = "webhooks", description = "Signed events when a run ends or fails")
class WebhookController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;
    private final int maxPageSize;

    WebhookController(Webhooks webhooks, WebhookDeliveries deliveries, TechrouteProperties properties) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.maxPageSize = properties.api().maxPageSize();
    }

    /** A registration request: where to send, and optionally the secret to sign with (else one is made). */
    record WebhookRequest(String url, String secret) {
    }

    /** A registration as listed (without its secret). */
    record WebhookView(String id, String url, OffsetDateTime createdAt, String createdBy) {
        static WebhookView of(Webhooks.Webhook w) {
            return new WebhookView(w.id(), w.url(), w.createdAt(), w.createdBy());
        }
    }

    /**
     * A delivery of one event to one webhook as an operator sees it.
     *
     * @param nextAttemptAt when the next try is due (PENDING only)
     * @param lastAnswer    the last try's answer: {@code HTTP <status>} or why there was none
     */
    record DeliveryView(String eventId, String type, String planId, WebhookDeliveries.State state, int attempts,
            String lastAnswer, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt) {
        static DeliveryView of(WebhookDeliveries.Delivery d) {
            return new DeliveryView(d.eventId(), d.type(), d.planId(), d.state(), d.attempts(), d.lastAnswer(),
                    d.state() == WebhookDeliveries.State.PENDING ? d.nextAttemptAt() : null, d.deliveredAt());
        }
    }

    /** A new registration: {@code secret} is shown here only when the service made it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreatedWebhook(WebhookView webhook, String secret) {
    }

    @Operation(summary = "Register a webhook (admin): a URL that receives a signed JSON event when a run ends or fails",
            description = "Body {\"url\": \"https://ops.example.com/techroute\", \"secret\": \"optional, 16-200"
                    + " characters\"}. Without a secret the service makes one and returns it in this answer only."
                    + " Each event is a POST of {eventId, type: run.ended | run.failed, at, planId, planName, run,"
                    + " status, reason, score, feasible} with X-Techroute-Signature: sha256=HMAC-SHA256(secret,"
                    + " X-Techroute-Timestamp + '.' + body), retried with back-off until a 2xx answer. Deliveries and"
                    + " their retries are kept in the database (they survive a restart): see"
                    + " /api/webhooks/{id}/deliveries.")
    @ApiResponse(responseCode = "201", description = "Registered; Location: /api/webhooks/{id}")
    @ErrorResponse(status = "400", description = "Malformed body")
    @ErrorResponse(status = "422", description = "Not an http(s) URL ($.url) or a secret of the wrong length"
            + " ($.secret)")
    @PostMapping(value = "/api/webhooks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedWebhook> create(@RequestBody WebhookRequest request) {
        List<Violation> violations = new ArrayList<>();
        URI url = null;
        try {
            url = request.url() == null ? null : new URI(request.url().strip());
        } catch (java.net.URISyntaxException e) {
            url = null;
        }
        if (url == null || url.getScheme() == null || url.getHost() == null
                || !List.of("http", "https").contains(url.getScheme().toLowerCase(Locale.ROOT))
                || request.url().length() > 2000) {
            violations.add(new Violation("$.url", request.url() == null ? null : abbreviate(request.url()),
                    "an absolute http or https URL of at most 2000 characters is needed"));
        }
        if (request.secret() != null && (request.secret().length() < 16 || request.secret().length() > 200)) {
            violations.add(new Violation("$.secret", null, "a secret has 16 to 200 characters"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.validation("the webhook has " + violations.size() + " error(s)", violations);
        }
        String made = null;
        String secret = request.secret();
        if (secret == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            secret = made = HexFormat.of().formatHex(bytes);
        }
        Webhooks.Webhook webhook = new Webhooks.Webhook(UUID.randomUUID().toString(), url.toString(), secret,
                OffsetDateTime.now(ZoneOffset.UTC), caller());
        webhooks.insert(webhook);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/webhooks/" + webhook.id()))
                .body(new CreatedWebhook(WebhookView.of(webhook), made));
    }

    @Operation(summary = "The registered webhooks (admin), without their secrets")
    @ApiResponse(responseCode = "200")
    @GetMapping(value = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
    List<WebhookView> list() {
        return webhooks.all().stream().map(WebhookView::of).toList();
    }

    @Operation(summary = "Delete a webhook (admin); its deliveries, pending retries included, are dropped")
    @ApiResponse(responseCode = "204")
    @ErrorResponse(status = "404", description = "No such webhook")
    @DeleteMapping("/api/webhooks/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!webhooks.delete(id)) {
            throw ApiException.notFound("webhook", id);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The deliveries to a webhook (admin), newest first",
            description = "One entry per event: its state (PENDING until a 2xx answer, then DELIVERED; GAVE_UP"
                    + " after techroute.webhooks.max-attempts tries), the tries made, the last answer and when the"
                    + " next try is due. Deliveries are kept in the database, so retries survive a restart.")
    @ApiResponse(responseCode = "200", description = "At most limit deliveries, newest first")
    @ErrorResponse(status = "400", description = "Bad limit")
    @ErrorResponse(status = "404", description = "No such webhook")
    @GetMapping(value = "/api/webhooks/{id}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    List<DeliveryView> deliveries(@PathVariable String id,
            @Parameter(description = "how many deliveries at most, 1 to techroute.api.max-page-size (100)")
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > maxPageSize) {
            throw ApiException.badRequest("invalid paging", List.of(new Violation("limit", null,
                    "limit must be between 1 and " + maxPageSize)));
        }
        if (webhooks.find(id).isEmpty()) {
            throw ApiException.notFound("webhook", id);
        }
        return deliveries.ofWebhook(id, limit).stream().map(DeliveryView::of).toList();
    }

    private static String abbreviate(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "…" : value;
    }

    private static String caller() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }
}
