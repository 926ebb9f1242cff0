package org.techroute.data.road;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.techroute.data.model.Location;
import org.techroute.data.model.Options;
import org.techroute.data.travel.MatrixResult;
import org.techroute.data.travel.MatrixSource;
import org.techroute.data.travel.UnsupportedTravelModeException;

/**
 * The road travel mode backed by a road graph that is imported or loaded on first need (or ahead of time with
 * {@link #load()}), so that a process which never plans on roads never pays for the graph.
 */
public final class LazyRoadMatrixSource implements MatrixSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LazyRoadMatrixSource.class);

    private final RoadGraphConfig config;
    private RoadGraph graph;
    private RoadMatrixSource source;
    private RuntimeException failure;

    public LazyRoadMatrixSource(RoadGraphConfig config) {
        this.config = config;
    }

    /** Imports or loads the graph now (blocking); a failure is kept and reported to every later request. */
    public synchronized void load() {
        if (graph != null || failure != null) {
            return;
        }
        long started = System.nanoTime();
        try {
            RoadGraph loaded = new RoadGraph(config).importOrLoad();
            source = new RoadMatrixSource(new RoadMatrixService(loaded));
            graph = loaded;
            LOG.info("Road graph {} from {} ready in {} ms ({} nodes)", loaded.wasImported() ? "imported"
                    : "loaded", config.osmFile(), (System.nanoTime() - started) / 1_000_000, loaded.nodeCount());
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("Road graph from {} could not be loaded: {}", config.osmFile(), e.getMessage());
        }
    }

    public synchronized boolean isLoaded() {
        return graph != null;
    }

    /** The loaded graph (loading it if need be). */
    public RoadGraph graph() {
        load();
        synchronized (this) {
            if (graph == null) {
                throw unavailable();
            }
            return graph;
        }
    }

    @Override
    public MatrixResult build(List<Location> locations, Options options) {
        load();
        RoadMatrixSource ready;
        synchronized (this) {
            if (source == null) {
                throw unavailable();
            }
            ready = source;
        }
        return ready.build(locations, options);
    }

    private UnsupportedTravelModeException unavailable() {
        return new UnsupportedTravelModeException("travel mode 'road' is not available: the road graph from "
                + config.osmFile().getFileName() + " could not be loaded (" + failure.getMessage() + ")");
    }

    public RoadGraphConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        if (graph != null) {
            graph.close();
            graph = null;
            source = null;
        }
    }
}
