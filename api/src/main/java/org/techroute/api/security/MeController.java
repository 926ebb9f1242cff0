package org.techroute.api.security;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the caller is and what he may do (the console shows only that). */
@RestController
@Tag(name = "security", description = "Sign-in, API keys and the audit trail")
class MeController {

    /**
     * @param via      {@code api-key}, {@code jwt}, or {@code none} (no authentication configured: everyone may
     *                 do everything)
     * @param ways     the ways in this service accepts: {@code api-key}, {@code jwt}
     */
    record Me(String name, String via, List<String> roles, String technicianId, List<String> ways) {
    }

    private final SecurityConfiguration.Mode mode;

    MeController(SecurityConfiguration.Mode mode) {
        this.mode = mode;
    }

    @Operation(summary = "The signed-in caller: name, roles (with those they include), technician id")
    @GetMapping(value = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Me me() {
        List<String> ways = new java.util.ArrayList<>();
        if (mode.apiKeys()) {
            ways.add("api-key");
        }
        if (mode.jwt()) {
            ways.add("jwt");
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!mode.secured() || !(auth instanceof TechrouteAuthentication caller)) {
            return new Me("anonymous", "none", List.of("viewer", "dispatcher", "admin"), null, ways);
        }
        List<String> roles = java.util.Arrays.stream(Role.values()).filter(caller::has).map(Role::id).toList();
        return new Me(caller.getName(), caller.via(), roles, caller.technicianId(), ways);
    }
}
