package org.techroute.api.road;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The road graph.
 *
 * @param osmFile        the OpenStreetMap extract (default: the only extract in {@code <data-dir>/osm})
 * @param cacheDir       where imported graphs are kept (default {@code <data-dir>/graph-cache}), one folder per
 *                       extract
 * @param maxSnapMeters  a location farther than this from a road is refused
 */
@ConfigurationProperties("techroute.road")
public record RoadProperties(Path osmFile, Path cacheDir, @DefaultValue("500") double maxSnapMeters) {
}
