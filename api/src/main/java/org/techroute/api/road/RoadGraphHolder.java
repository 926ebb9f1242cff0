package org.techroute.api.road;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.health.RoadGraphReadiness;
import org.techroute.data.road.ExtractLocator;
import org.techroute.data.road.LazyRoadMatrixSource;
import org.techroute.data.road.RoadGraphConfig;

/**
 * The service's road graph: found at start-up (configured, or the only extract in the data folder), imported
 * or loaded in the background so the service starts at once; readiness stays down until it is loaded. Without
 * an extract the service runs with the straight-line modes only, and says why.
 */
@Component
public class RoadGraphHolder implements RoadGraphReadiness, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RoadGraphHolder.class);

    private final LazyRoadMatrixSource source;
    private final String reason;

    RoadGraphHolder(TechrouteProperties techroute, RoadProperties road) {
        Path dataDir = Path.of(techroute.dataDir());
        ExtractLocator.Located located = ExtractLocator.locate(road.osmFile(), dataDir.resolve("osm"));
        if (!located.found()) {
            this.source = null;
            this.reason = located.reason();
            LOG.warn("No road graph: {}. Problems in travel mode 'road' will be refused.", reason);
            return;
        }
        Path cacheRoot = road.cacheDir() != null ? road.cacheDir() : dataDir.resolve("graph-cache");
        RoadGraphConfig config = RoadGraphConfig.car(located.extract(),
                ExtractLocator.cacheFolder(cacheRoot, located.extract())).withMaxSnapMeters(road.maxSnapMeters());
        this.source = new LazyRoadMatrixSource(config);
        this.reason = located.reason();
        LOG.info("Road graph: {} ({}); loading in the background", located.extract(), reason);
        Thread loader = new Thread(source::load, "road-graph-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /** The road matrix source, or null when there is no extract. */
    public LazyRoadMatrixSource source() {
        return source;
    }

    /** Why there is no road graph (when {@link #source()} is null). */
    public String reason() {
        return reason;
    }

    public boolean isLoaded() {
        return source != null && source.isLoaded();
    }

    @Override
    public boolean isReady() {
        return source == null || source.isLoaded();
    }

    @Override
    public String describe() {
        if (source == null) {
            return "none: " + reason + " (straight-line travel modes only)";
        }
        return (source.isLoaded() ? "loaded " : "loading ") + source.config().osmFile().getFileName();
    }

    @Override
    public void destroy() {
        if (source != null) {
            source.close();
        }
    }
}
