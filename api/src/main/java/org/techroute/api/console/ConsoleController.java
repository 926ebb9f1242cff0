package org.techroute.api.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/console/config}: what the web console at {@code /} needs to know from the server. */
@RestController
@Tag(name = "console", description = "The web console's settings")
class ConsoleController {

    /**
     * @param tileUrl         a Leaflet tile URL template ({@code {z}/{x}/{y}}), or empty: no map tiles, the routes
     *                        are drawn on a plain background
     * @param tileAttribution shown in the map's corner when tiles are used
     */
    record ConsoleConfig(String tileUrl, String tileAttribution) {
    }

    private final ConsoleConfig config;

    ConsoleController(@Value("${techroute.console.tile-url:}") String tileUrl,
            @Value("${techroute.console.tile-attribution:}") String tileAttribution) {
        this.config = new ConsoleConfig(tileUrl.strip(), tileAttribution.strip());
    }

    @Operation(summary = "The console's settings: the map tile URL (empty = no tiles) and its attribution")
    @GetMapping(value = "/api/console/config", produces = MediaType.APPLICATION_JSON_VALUE)
    ConsoleConfig config() {
        return config;
    }

    ConsoleConfig current() {
        return config;
    }
}
