/**
 * Road network travel times from OpenStreetMap with GraphHopper.
 * <pre>{@code
 * RoadGraph graph = new RoadGraph(RoadGraphConfig.car(Path.of("data-files/osm/x.osm.pbf"),
 *         Path.of("data-files/graph-cache/x"))).importOrLoad();       // import once, later loads from cache
 * RoadMatrixService matrices = new RoadMatrixService(graph);         // thread count, LRU cache
 * RoadMatrixResult r = matrices.matrix(locations);                    // List<LatLon>, index = position
 * if (!r.ok()) r.problems();                                          // PointProblem(index, reason, message)
 * TravelTimeMatrix m = r.matrix();                                    // whole seconds x 1000, meters
 * List<LegGeometry> legs = graph.routeGeometry(orderedStops);         // encoded polyline per leg
 * List<LatLon> demo = new RoadPointSampler(graph, 42).points(500);    // deterministic road points
 * graph.close();
 * }</pre>
 */
package org.techroute.data.road;
