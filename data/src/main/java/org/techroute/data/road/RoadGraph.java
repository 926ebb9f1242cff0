package org.techroute.data.road;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.graphhopper.GraphHopper;
import com.graphhopper.config.CHProfile;
import com.graphhopper.config.Profile;
import com.graphhopper.jackson.Jackson;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.shapes.BBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The road network of one OpenStreetMap extract, prepared for fast car routing (contraction hierarchies).
 * <p>
 * {@link #importOrLoad()} imports the extract into the cache folder once and loads it from there on later
 * starts; when the extract or the profile changed since the cache was built, the folder is wiped and the
 * extract re-imported (logged at INFO with the reason). Thread-safe after {@code importOrLoad()}.
 */
public final class RoadGraph implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RoadGraph.class);
    static final String ENCODED_VALUES = "car_access, car_average_speed, road_access";

    private final RoadGraphConfig config;
    private GraphHopper hopper;
    private boolean imported;
    private RoadSnapper snapper;
    private volatile ChEdgeCosts edgeCosts;
    private volatile Optional<DownwardGraph> downwardGraph;
    private volatile int[] levels;

    public RoadGraph(RoadGraphConfig config) {
        this.config = config;
    }

    /**
     * Loads the graph from the cache folder, or imports the extract when there is no usable cache.
     *
     * @return this
     * @throws IllegalArgumentException when the extract does not exist and there is no cache to load
     */
    public synchronized RoadGraph importOrLoad() {
        if (hopper != null) {
            throw new IllegalStateException("road graph already loaded from " + config.cacheDir());
        }
        Path cacheDir = config.cacheDir();
        Optional<String> rebuildReason = rebuildReason();
        if (rebuildReason.isPresent()) {
            LOG.info("Rebuilding road graph cache {}: {}", cacheDir, rebuildReason.get());
            wipe(cacheDir);
        }
        GraphHopper gh = newGraphHopper();
        boolean loaded;
        try {
            loaded = gh.load();
        } catch (IllegalStateException | IllegalArgumentException e) {
            // GraphHopper 11 throws IllegalStateException("Profiles do not match: ...") or
            // IllegalArgumentException("Could not create weighting ...") for a cache built with another configuration
            LOG.info("Rebuilding road graph cache {}: GraphHopper says it was built for a different configuration ({})",
                    cacheDir, firstLine(e.getMessage()));
            gh.close();
            wipe(cacheDir);
            gh = newGraphHopper();
            loaded = false;
        }
        if (loaded) {
            LOG.info("Loaded road graph from cache {} (profile {})", cacheDir, config.profileName());
        } else {
            if (!Files.isRegularFile(config.osmFile())) {
                throw new IllegalArgumentException("OSM extract not found: " + config.osmFile().toAbsolutePath()
                        + " (download one with scripts/fetch-osm.sh)");
            }
            LOG.info("Importing OSM extract {} into {} (profile {})", config.osmFile(), cacheDir, config.profileName());
            gh.importOrLoad();
            GraphCacheStamp.of(config).write(cacheDir);
        }
        this.imported = !loaded;
        this.hopper = gh;
        this.snapper = new RoadSnapper(gh, config);
        long start = System.nanoTime();
        edgeCosts();
        RoutingCHGraph ch = chGraph();
        int[] lv = new int[ch.getNodes()];
        for (int v = 0; v < lv.length; v++) {
            lv[v] = ch.getLevel(v);
        }
        this.levels = lv;
        downwardGraph();
        LOG.debug("CH edge time/distance table and sweep order ready in {} ms", (System.nanoTime() - start) / 1_000_000);
        return this;
    }

    private Optional<String> rebuildReason() {
        Path cacheDir = config.cacheDir();
        if (!Files.isDirectory(cacheDir) || isEmpty(cacheDir)) {
            return Optional.empty();
        }
        Optional<GraphCacheStamp> stored = GraphCacheStamp.read(cacheDir);
        if (stored.isEmpty()) {
            return Optional.of("no " + GraphCacheStamp.FILE_NAME + " in the folder (interrupted import or foreign cache)");
        }
        if (!Files.isRegularFile(config.osmFile())) {
            LOG.warn("OSM extract {} not found; using the cache {} without checking the extract", config.osmFile(), cacheDir);
            GraphCacheStamp s = stored.get();
            String wantedHash = GraphCacheStamp.sha256(config.profileFingerprint());
            return s.profileHash().equals(wantedHash) ? Optional.empty() : Optional.of("the profile changed");
        }
        return stored.get().staleReason(GraphCacheStamp.of(config));
    }

    private GraphHopper newGraphHopper() {
        GraphHopper gh = new GraphHopper();
        gh.setOSMFile(config.osmFile().toString());
        gh.setGraphHopperLocation(config.cacheDir().toString());
        gh.setEncodedValuesString(ENCODED_VALUES);
        gh.setProfiles(new Profile(config.profileName()).setCustomModel(parseCustomModel(config.customModelJson())));
        gh.getCHPreparationHandler().setCHProfiles(new CHProfile(config.profileName()));
        gh.setMinNetworkSize(config.minNetworkSize());
        return gh;
    }

    static CustomModel parseCustomModel(String json) {
        try {
            return Jackson.newObjectMapper().readValue(json, CustomModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("custom model is not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    /** True when the last {@link #importOrLoad()} imported the extract (false: loaded from the cache). */
    public boolean wasImported() {
        return imported;
    }

    public RoadGraphConfig config() {
        return config;
    }

    /** Snaps every location to the nearest routable road; failures are reported per location, never thrown. */
    public SnapResult snapAll(List<LatLon> locations) {
        return loaded().snapper.snapAll(locations);
    }

    /** The nearest point of the main road network to a location, however far; empty when none is found. */
    public java.util.Optional<PointSnap> nearestRoad(LatLon location) {
        return loaded().snapper.nearest(location);
    }

    /**
     * The road path between consecutive points, one {@link LegGeometry} per leg ({@code size - 1} legs), with the
     * same times and distances as the road matrix.
     *
     * @throws RoadPointsException when a point cannot be snapped (it carries the per-point problems)
     */
    public List<LegGeometry> routeGeometry(List<LatLon> orderedPoints) {
        return new RouteGeometry(loaded()).legs(orderedPoints);
    }

    /** The area covered by the road graph (bounds of its nodes). */
    public GeoBounds bounds() {
        BBox b = loaded().hopper.getBaseGraph().getBounds();
        return new GeoBounds(b.minLat, b.minLon, b.maxLat, b.maxLon);
    }

    /** Number of road graph nodes (junctions and dead ends). */
    public int nodeCount() {
        return loaded().hopper.getBaseGraph().getNodes();
    }

    /** The underlying GraphHopper instance, for benchmarks and tests (e.g. point-to-point {@code route()}). */
    public GraphHopper graphHopper() {
        return loaded().hopper;
    }

    RoutingCHGraph chGraph() {
        RoutingCHGraph ch = loaded().hopper.getCHGraphs().get(config.profileName());
        if (ch == null) {
            throw new IllegalStateException("no contraction hierarchy for profile " + config.profileName());
        }
        return ch;
    }

    BaseGraph baseGraph() {
        return loaded().hopper.getBaseGraph();
    }

    Weighting weighting() {
        return chGraph().getWeighting();
    }

    /** Travel time and distance of every base edge and shortcut, computed once at load. */
    ChEdgeCosts edgeCosts() {
        ChEdgeCosts costs = edgeCosts;
        if (costs == null) {
            synchronized (this) {
                costs = edgeCosts;
                if (costs == null) {
                    costs = ChEdgeCosts.compute(baseGraph(), chGraph());
                    edgeCosts = costs;
                }
            }
        }
        return costs;
    }

    /** CH level of every node (read-only). */
    int[] levels() {
        loaded();
        return levels;
    }

    /** The hierarchy's downward edges in sweep order (built at load); {@code null} if levels are not unique. */
    DownwardGraph downwardGraph() {
        Optional<DownwardGraph> down = downwardGraph;
        if (down == null) {
            synchronized (this) {
                down = downwardGraph;
                if (down == null) {
                    down = Optional.ofNullable(DownwardGraph.build(chGraph(), edgeCosts()));
                    downwardGraph = down;
                }
            }
        }
        return down.orElse(null);
    }

    private RoadGraph loaded() {
        if (hopper == null) {
            throw new IllegalStateException("call importOrLoad() first");
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (hopper != null) {
            hopper.close();
            hopper = null;
            snapper = null;
            edgeCosts = null;
            downwardGraph = null;
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.exists(dir.resolve("properties")) && !Files.exists(dir.resolve(GraphCacheStamp.FILE_NAME))) {
            throw new IllegalArgumentException("road graph cache folder " + dir + " is not empty and does not look like"
                    + " a graph cache (no 'properties' or " + GraphCacheStamp.FILE_NAME + "); refusing to delete it");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete road graph cache " + dir, e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
