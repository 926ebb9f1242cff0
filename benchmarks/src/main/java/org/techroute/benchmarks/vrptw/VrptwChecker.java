package org.techroute.benchmarks.vrptw;

import java.util.ArrayList;
import java.util.List;

import org.techroute.data.model.Route;
import org.techroute.data.model.Solution;
import org.techroute.benchmarks.vrptw.SolomonReader.Instance;
import org.techroute.benchmarks.vrptw.SolomonReader.Node;

/**
 * Re-checks a VRPTW solution independently of the solver: from the customer order of each route and the
 * instance's coordinates only, in double precision (the classic convention). Checks every customer served
 * exactly once, capacity, service start within [ready, due] with waiting allowed, return to the depot by its
 * due date, and at most as many non-empty routes as vehicles; and recomputes the total distance.
 */
public final class VrptwChecker {

    /** Tolerance for floating-point comparisons of times. */
    static final double EPSILON = 1e-6;

    /**
     * @param routes     non-empty routes
     * @param distance   total Euclidean distance, double precision
     * @param violations human-readable, empty when feasible
     */
    public record Result(int routes, double distance, List<String> violations) {

        public boolean feasible() {
            return violations.isEmpty();
        }
    }

    private VrptwChecker() {
    }

    /** The customer ids of each route of a techroute solution, in order (visit ids are customer numbers). */
    public static List<List<Integer>> routesOf(Solution solution) {
        List<List<Integer>> routes = new ArrayList<>();
        for (Route route : solution.routes()) {
            List<Integer> customers = new ArrayList<>();
            for (String id : route.visitIds()) {
                customers.add(Integer.parseInt(id));
            }
            routes.add(customers);
        }
        return routes;
    }

    public static Result check(Instance instance, List<List<Integer>> routes) {
        List<String> violations = new ArrayList<>();
        List<Node> nodes = instance.nodes();
        Node depot = instance.depot();
        int customerCount = nodes.size() - 1;
        int[] seen = new int[customerCount + 1];
        int used = 0;
        double total = 0;
        for (int r = 0; r < routes.size(); r++) {
            List<Integer> route = routes.get(r);
            if (route.isEmpty()) {
                continue;
            }
            used++;
            Node previous = depot;
            double time = depot.ready();
            long load = 0;
            boolean valid = true;
            for (int customerId : route) {
                if (customerId < 1 || customerId > customerCount) {
                    violations.add("route " + (r + 1) + ": unknown customer " + customerId);
                    valid = false;
                    break;
                }
                seen[customerId]++;
                Node customer = nodes.get(customerId);
                double leg = distance(previous, customer);
                total += leg;
                double arrival = time + leg;
                double start = Math.max(arrival, customer.ready());
                if (start > customer.due() + EPSILON) {
                    violations.add("route " + (r + 1) + ": customer " + customerId + " starts at "
                            + format(start) + " after its due date " + customer.due());
                }
                time = start + customer.service();
                load += customer.demand();
                previous = customer;
            }
            if (!valid) {
                continue;
            }
            double back = distance(previous, depot);
            total += back;
            double returned = time + back;
            if (returned > depot.due() + EPSILON) {
                violations.add("route " + (r + 1) + ": returns to the depot at " + format(returned)
                        + " after its due date " + depot.due());
            }
            if (load > instance.capacity()) {
                violations.add("route " + (r + 1) + ": load " + load + " exceeds the capacity "
                        + instance.capacity());
            }
        }
        for (int c = 1; c <= customerCount; c++) {
            if (seen[c] == 0) {
                violations.add("customer " + c + " is not served");
            } else if (seen[c] > 1) {
                violations.add("customer " + c + " is served " + seen[c] + " times");
            }
        }
        if (used > instance.vehicles()) {
            violations.add(used + " routes but only " + instance.vehicles() + " vehicles");
        }
        return new Result(used, total, List.copyOf(violations));
    }

    static double distance(Node a, Node b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
