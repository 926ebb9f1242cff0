package org.techroute.api.security;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RestController;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.JsonBodies;
import org.techroute.data.model.Violation;

/** {@code /api/keys}: an admin creates (the key is shown once), lists and revokes API keys. */
@RestController
@Tag(name = "security", description = "Sign-in, API keys and the audit trail")
class ApiKeyController {

    /** A key as listed: never its secret or hash. */
    record KeyView(String id, String name, String role, String technicianId, String prefix, OffsetDateTime createdAt,
            String createdBy, OffsetDateTime revokedAt, String revokedBy) {
        static KeyView of(ApiKeys.Key key) {
            return new KeyView(key.id(), key.name(), key.role().id(), key.technicianId(), key.prefix(),
                    key.createdAt(), key.createdBy(), key.revokedAt(), key.revokedBy());
        }
    }

    /** A new key: {@code key} is shown here once and stored only as a hash. */
    record CreatedKey(KeyView stored, String key) {
    }

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "Create an API key (admin); the key is in this answer only",
            description = "Body {\"name\": \"nightly-script\", \"role\": \"viewer|dispatcher|admin|technician\","
                    + " \"technicianId\": \"anna\" (technician keys only)}. Send it as X-API-Key: trk_..."
                    + " or Authorization: Bearer trk_...")
    @ApiResponse(responseCode = "201")
    @PostMapping(value = "/api/keys", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedKey> create(@RequestBody byte[] body) {
        JsonNode tree = JsonBodies.tree(body);
        List<Violation> violations = new ArrayList<>();
        tree.fieldNames().forEachRemaining(name -> {
            if (!List.of("name", "role", "technicianId").contains(name)) {
                violations.add(new Violation("$." + name, null, "unknown field '" + name + "'"));
            }
        });
        String name = tree.path("name").isTextual() ? tree.path("name").asText().strip() : "";
        if (name.isEmpty() || name.length() > 200) {
            violations.add(new Violation("$.name", null, "a name of 1 to 200 characters is needed"));
        }
        Role role = tree.path("role").isTextual() ? Role.byId(tree.path("role").asText()).orElse(null) : null;
        if (role == null) {
            violations.add(new Violation("$.role", null, "role must be viewer, dispatcher, admin or technician"));
        }
        String technicianId = tree.path("technicianId").isTextual() ? tree.path("technicianId").asText() : null;
        if (role == Role.TECHNICIAN && (technicianId == null || technicianId.isBlank()
                || technicianId.length() > 200)) {
            violations.add(new Violation("$.technicianId", null, "a technician's key needs his technicianId"
                    + " (1 to 200 characters)"));
        } else if (role != Role.TECHNICIAN && tree.has("technicianId")) {
            violations.add(new Violation("$.technicianId", null, "only technician keys name a technician"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.validation("the key request has " + violations.size() + " error(s)", violations);
        }
        ApiKeys.Created created = keys.create(name, role, technicianId, caller());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(java.net.URI.create("/api/keys/" + created.stored().id()))
                .body(new CreatedKey(KeyView.of(created.stored()), created.key()));
    }

    @Operation(summary = "The API keys, newest first (admin); revoked ones with when and by whom")
    @GetMapping(value = "/api/keys", produces = MediaType.APPLICATION_JSON_VALUE)
    List<KeyView> list() {
        return keys.list().stream().map(KeyView::of).toList();
    }

    @Operation(summary = "Revoke an API key (admin); it stops working at once")
    @ApiResponse(responseCode = "204")
    @DeleteMapping("/api/keys/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        if (keys.find(id).isEmpty()) {
            throw ApiException.notFound("API key", id);
        }
        keys.revoke(id, caller());
        return ResponseEntity.noContent().build();
    }

    static String caller() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof TechrouteAuthentication caller ? caller.getName() : "anonymous";
    }
}
