package org.techroute.data.road;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a tiny synthetic OpenStreetMap XML file for tests: a 12 x 12 grid of streets (about 1.3 x 1.3 km,
 * every 4th row and column a primary road, the rest residential, one one-way street) plus a short road piece
 * 4 km east of the grid that is not connected to it.
 */
final class SyntheticOsm {

    static final int GRID = 12;
    static final double LAT0 = 47.10;
    static final double LON0 = 9.50;
    static final double LAT_STEP = 0.001;   // ~111 m
    static final double LON_STEP = 0.0015;  // ~114 m at 47 deg
    /** The disconnected piece: three nodes along this latitude, starting at this longitude. */
    static final double ISLAND_LAT = LAT0 + 5 * LAT_STEP;
    static final double ISLAND_LON = LON0 + (GRID - 1) * LON_STEP + 0.053;

    private SyntheticOsm() {
    }

    static LatLon gridPoint(int row, int col) {
        return new LatLon(LAT0 + row * LAT_STEP, LON0 + col * LON_STEP);
    }

    /** Writes the file {@code name} (ending in .osm) into {@code dir} and returns its path. */
    static Path write(Path dir, String name) {
        StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n"
                + "<osm version=\"0.6\" generator=\"techroute-test\">\n");
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                node(xml, nodeId(r, c), LAT0 + r * LAT_STEP, LON0 + c * LON_STEP);
            }
        }
        for (int k = 0; k < 3; k++) {
            node(xml, 90_000 + k, ISLAND_LAT, ISLAND_LON + k * LON_STEP);
        }
        long wayId = 1;
        for (int r = 0; r < GRID; r++) {
            xml.append("  <way id=\"").append(wayId++).append("\">\n");
            for (int c = 0; c < GRID; c++) {
                nd(xml, nodeId(r, c));
            }
            tag(xml, "highway", r % 4 == 0 ? "primary" : "residential");
            if (r == 3) {
                tag(xml, "oneway", "yes");
            }
            xml.append("  </way>\n");
        }
        for (int c = 0; c < GRID; c++) {
            xml.append("  <way id=\"").append(wayId++).append("\">\n");
            for (int r = 0; r < GRID; r++) {
                nd(xml, nodeId(r, c));
            }
            tag(xml, "highway", c % 4 == 0 ? "primary" : "residential");
            xml.append("  </way>\n");
        }
        xml.append("  <way id=\"").append(wayId).append("\">\n");
        for (int k = 0; k < 3; k++) {
            nd(xml, 90_000 + k);
        }
        tag(xml, "highway", "residential");
        xml.append("  </way>\n</osm>\n");
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long nodeId(int r, int c) {
        return 1 + r * GRID + c;
    }

    private static void node(StringBuilder xml, long id, double lat, double lon) {
        xml.append(String.format(Locale.ROOT, "  <node id=\"%d\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\"/>%n", id, lat, lon));
    }

    private static void nd(StringBuilder xml, long ref) {
        xml.append("    <nd ref=\"").append(ref).append("\"/>\n");
    }

    private static void tag(StringBuilder xml, String k, String v) {
        xml.append("    <tag k=\"").append(k).append("\" v=\"").append(v).append("\"/>\n");
    }
}
