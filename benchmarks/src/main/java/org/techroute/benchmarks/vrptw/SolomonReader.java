package org.techroute.benchmarks.vrptw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.techroute.data.model.Location;
import org.techroute.data.model.Options;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Technician;
import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Visit;

/**
 * Reads a VRPTW instance in the Solomon text format (also used by Gehring &amp; Homberger) and turns it into a
 * techroute {@link Problem}: one technician with one shift per vehicle (at the depot, for the depot's horizon,
 * with the vehicle capacity), one visit per customer (demand, one time window for the service start, service
 * duration), {@code euclidean} travel. Instance time {@code t} is {@link #EPOCH} plus {@code t} seconds.
 * <p>
 * The file is parsed by whitespace-separated tokens (LF or CRLF, blank lines skipped): the instance name, the
 * {@code VEHICLE} section with its {@code NUMBER CAPACITY} header and two integers, then the {@code CUSTOMER}
 * section with its column header and seven numbers per node (id, x, y, demand, ready, due, service); node 0
 * is the depot.
 */
public final class SolomonReader {

    /** Instance time 0. */
    public static final OffsetDateTime EPOCH = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /**
     * Soft-constraint weights for the classic objective: total travel only. Hard constraints keep their
     * defaults; every soft term other than travel is switched off.
     */
    public static final Map<String, Long> DISTANCE_ONLY_WEIGHTS = Map.of(
            "travelTime", 1L,
            "workloadBalance", 0L,
            "overQualified", 0L,
            "highPriorityLateness", 0L,
            "preferredTechnician", 0L,
            "overtime", 0L,
            "shiftFixedCost", 0L);

    /** One node line. Times in instance units (seconds here). */
    public record Node(int id, double x, double y, int demand, long ready, long due, long service) {
    }

    /** A parsed instance; {@code nodes.get(0)} is the depot. */
    public record Instance(String name, int vehicles, int capacity, List<Node> nodes) {

        public Node depot() {
            return nodes.get(0);
        }

        public List<Node> customers() {
            return nodes.subList(1, nodes.size());
        }
    }

    /** Thrown for a malformed file; the message names the line. */
    public static final class FormatException extends RuntimeException {
        public FormatException(String message) {
            super(message);
        }
    }

    private SolomonReader() {
    }

    public static Instance read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static Instance parse(String text) {
        return parse(text, "instance");
    }

    public static Instance parse(String text, String source) {
        Tokens tokens = new Tokens(text, source);
        String name = tokens.next("the instance name");
        tokens.expectWord("VEHICLE");
        tokens.expectWord("NUMBER");
        tokens.expectWord("CAPACITY");
        int vehicles = tokens.nextInt("the number of vehicles");
        int capacity = tokens.nextInt("the vehicle capacity");
        if (vehicles <= 0) {
            throw tokens.error("the number of vehicles must be positive, got " + vehicles);
        }
        if (capacity < 0) {
            throw tokens.error("the vehicle capacity must not be negative, got " + capacity);
        }
        tokens.expectWord("CUSTOMER");
        // Column header: words until the first number (e.g. "CUST NO. XCOORD. ... SERVICE TIME").
        while (tokens.hasNext() && !tokens.peekIsNumber()) {
            tokens.next("the customer header");
        }
        List<Node> nodes = new ArrayList<>();
        while (tokens.hasNext()) {
            int line = tokens.peekLine();
            int id = tokens.nextInt("the node id");
            double x = tokens.nextDouble("the x coordinate of node " + id);
            double y = tokens.nextDouble("the y coordinate of node " + id);
            int demand = tokens.nextInt("the demand of node " + id);
            long ready = tokens.nextLong("the ready time of node " + id);
            long due = tokens.nextLong("the due date of node " + id);
            long service = tokens.nextLong("the service time of node " + id);
            if (tokens.lastLine() != line) {
                throw new FormatException(source + " line " + line + ": node " + id
                        + " needs 7 numbers on one line (id, x, y, demand, ready, due, service)");
            }
            if (id != nodes.size()) {
                throw new FormatException(source + " line " + line + ": expected node id " + nodes.size() + ", got "
                        + id);
            }
            if (due < ready) {
                throw new FormatException(source + " line " + line + ": node " + id + " is due (" + due
                        + ") before it is ready (" + ready + ")");
            }
            if (demand < 0 || service < 0) {
                throw new FormatException(source + " line " + line + ": node " + id
                        + " has a negative demand or service time");
            }
            nodes.add(new Node(id, x, y, demand, ready, due, service));
        }
        if (nodes.size() < 2) {
            throw new FormatException(source + ": needs a depot (node 0) and at least one customer, found "
                    + nodes.size() + " node(s)");
        }
        return new Instance(name, vehicles, capacity, List.copyOf(nodes));
    }

    /** The instance as a techroute problem with the distance-only objective. */
    public static Problem toProblem(Instance instance, Duration timeLimit, long randomSeed) {
        Node depot = instance.depot();
        Location depotLocation = Location.ofXy(depot.x(), depot.y());
        List<Technician> technicians = new ArrayList<>();
        List<Shift> shifts = new ArrayList<>();
        for (int v = 1; v <= instance.vehicles(); v++) {
            String technicianId = "vehicle-" + v;
            technicians.add(new Technician(technicianId, null, Map.of(), List.of(), depotLocation, null));
            shifts.add(new Shift(shiftId(v), technicianId, time(depot.ready()), time(depot.due()), depotLocation,
                    depotLocation, 0L, List.of(), List.of(instance.capacity())));
        }
        List<Visit> visits = new ArrayList<>();
        for (Node customer : instance.customers()) {
            visits.add(new Visit(visitId(customer.id()), null, Location.ofXy(customer.x(), customer.y()),
                    customer.service(), List.of(new TimeWindow(time(customer.ready()), time(customer.due()))), null,
                    null, null, null, null, null, List.of(customer.demand()), null));
        }
        Options options = new Options(timeLimit, TravelMode.EUCLIDEAN, null, randomSeed, null,
                new LinkedHashMap<>(DISTANCE_ONLY_WEIGHTS));
        return Problem.of(instance.name(), options, technicians, shifts, visits);
    }

    public static String visitId(int customerId) {
        return String.valueOf(customerId);
    }

    public static String shiftId(int vehicle) {
        return "route-" + vehicle;
    }

    public static OffsetDateTime time(long instanceTime) {
        return EPOCH.plusSeconds(instanceTime);
    }

    /** Whitespace tokens with their line numbers. */
    private static final class Tokens {
        private final List<String> values = new ArrayList<>();
        private final List<Integer> lines = new ArrayList<>();
        private final String source;
        private int position;

        Tokens(String text, String source) {
            this.source = source;
            String[] rows = text.split("\\r?\\n|\\r", -1);
            for (int i = 0; i < rows.length; i++) {
                for (String token : rows[i].trim().split("\\s+")) {
                    if (!token.isEmpty()) {
                        values.add(token);
                        lines.add(i + 1);
                    }
                }
            }
        }

        boolean hasNext() {
            return position < values.size();
        }

        int peekLine() {
            return lines.get(position);
        }

        int lastLine() {
            return lines.get(position - 1);
        }

        boolean peekIsNumber() {
            return values.get(position).matches("[-+]?\\d+(\\.\\d*)?([eE][-+]?\\d+)?");
        }

        String next(String what) {
            if (!hasNext()) {
                int line = values.isEmpty() ? 1 : lines.get(lines.size() - 1);
                throw new FormatException(source + " line " + line + ": unexpected end of file, expected " + what);
            }
            return values.get(position++);
        }

        void expectWord(String word) {
            String token = next("'" + word + "'");
            if (!token.equalsIgnoreCase(word)) {
                throw new FormatException(source + " line " + lastLine() + ": expected '" + word + "', found '"
                        + token + "'");
            }
        }

        int nextInt(String what) {
            long value = nextLong(what);
            if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
                throw error(what + " is out of range: " + value);
            }
            return (int) value;
        }

        long nextLong(String what) {
            String token = next(what);
            try {
                return Long.parseLong(token);
            } catch (NumberFormatException e) {
                // Some copies write integral values as "10.0".
                try {
                    double value = Double.parseDouble(token);
                    if (value == Math.rint(value) && Double.isFinite(value)) {
                        return (long) value;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw new FormatException(source + " line " + lastLine() + ": expected an integer for " + what
                        + ", found '" + token + "'");
            }
        }

        double nextDouble(String what) {
            String token = next(what);
            try {
                double value = Double.parseDouble(token);
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new FormatException(source + " line " + lastLine() + ": expected a number for " + what
                        + ", found '" + token + "'");
            }
        }

        FormatException error(String message) {
            return new FormatException(source + " line " + lastLine() + ": " + message);
        }
    }
}
