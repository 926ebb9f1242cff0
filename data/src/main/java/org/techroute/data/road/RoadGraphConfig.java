package org.techroute.data.road;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to build and use one road graph: which OSM extract, where the prepared graph is cached, and the
 * routing profile.
 *
 * @param osmFile         OpenStreetMap extract ({@code .osm.pbf}, {@code .osm} or {@code .osm.gz})
 * @param cacheDir        folder for the prepared graph (created on first import, reused later)
 * @param profileName     name of the GraphHopper profile, e.g. {@code car}
 * @param customModelJson GraphHopper custom model of the profile. The default has no {@code distance_influence}
 *                        and priority 0 or 1 only, so the routing weight is proportional to travel time
 * @param minNetworkSize  road pieces with fewer edges than this are marked as cut off from the main network
 *                        (GraphHopper's subnetwork removal); points near them are rejected as disconnected
 * @param maxSnapMeters   a location farther than this from the nearest routable road is rejected
 */
public record RoadGraphConfig(Path osmFile, Path cacheDir, String profileName, String customModelJson,
                              int minNetworkSize, double maxSnapMeters) {

    /** Car profile: fastest path on roads a car may use, speeds from OSM tags. */
    public static final String CAR_CUSTOM_MODEL_JSON = """
            {
              "distance_influence": 0,
              "priority": [ { "if": "!car_access", "multiply_by": "0" } ],
              "speed": [ { "if": "true", "limit_to": "car_average_speed" } ]
            }""";
    public static final String DEFAULT_PROFILE_NAME = "car";
    public static final int DEFAULT_MIN_NETWORK_SIZE = 200;
    public static final double DEFAULT_MAX_SNAP_METERS = 500;

    public RoadGraphConfig {
        Objects.requireNonNull(osmFile, "osmFile");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(customModelJson, "customModelJson");
        if (!profileName.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("profile name must be lower case letters, digits or _: " + profileName);
        }
        if (minNetworkSize < 0) {
            throw new IllegalArgumentException("minNetworkSize must be >= 0, got " + minNetworkSize);
        }
        if (!(maxSnapMeters > 0)) {
            throw new IllegalArgumentException("maxSnapMeters must be > 0, got " + maxSnapMeters);
        }
    }

    /** The car profile with default subnetwork size and snap distance. */
    public static RoadGraphConfig car(Path osmFile, Path cacheDir) {
        return new RoadGraphConfig(osmFile, cacheDir, DEFAULT_PROFILE_NAME, CAR_CUSTOM_MODEL_JSON,
                DEFAULT_MIN_NETWORK_SIZE, DEFAULT_MAX_SNAP_METERS);
    }

    public RoadGraphConfig withCacheDir(Path dir) {
        return new RoadGraphConfig(osmFile, dir, profileName, customModelJson, minNetworkSize, maxSnapMeters);
    }

    public RoadGraphConfig withOsmFile(Path file) {
        return new RoadGraphConfig(file, cacheDir, profileName, customModelJson, minNetworkSize, maxSnapMeters);
    }

    public RoadGraphConfig withCustomModelJson(String json) {
        return new RoadGraphConfig(osmFile, cacheDir, profileName, json, minNetworkSize, maxSnapMeters);
    }

    public RoadGraphConfig withMinNetworkSize(int size) {
        return new RoadGraphConfig(osmFile, cacheDir, profileName, customModelJson, size, maxSnapMeters);
    }

    public RoadGraphConfig withMaxSnapMeters(double meters) {
        return new RoadGraphConfig(osmFile, cacheDir, profileName, customModelJson, minNetworkSize, meters);
    }

    /**
     * Everything that changes the prepared graph (not the snap distance, which is applied at query time).
     * Stored beside the cache; a different value triggers a rebuild.
     */
    String profileFingerprint() {
        return profileName + "|" + customModelJson.replaceAll("\\s+", "") + "|minNetworkSize=" + minNetworkSize;
    }
}
