package org.techroute.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.techroute.data.appointments.AppointmentFinder;
import org.techroute.data.appointments.AppointmentOffers;
import org.techroute.data.appointments.AppointmentRequest;
import org.techroute.data.appointments.SlotOffer;
import org.techroute.data.json.AtomicFiles;
import org.techroute.data.json.ProblemFormatException;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.validation.InvalidProblemException;

/**
 * {@code appointments --plan FILE --request FILE [--output FILE]}: which slots a new visit can have in a plan, best
 * first, as {@code POST /api/plans/{id}/appointments} answers; the plan file is not changed. The offers JSON goes to
 * {@code --output} (or standard output), a line per slot to standard error. Exit status 2 for a bad command line
 * or invalid input, with each error's JSON path.
 */
public final class AppointmentsCommand {

    private static final Set<String> OPTIONS = Set.of("plan", "request", "output");

    private final PrintStream out;
    private final PrintStream err;
    private final SolveCommand.PlannerFactory planners;

    public AppointmentsCommand(PrintStream out, PrintStream err) {
        this(out, err, Planners::fromEnvironment);
    }

    public AppointmentsCommand(PrintStream out, PrintStream err, SolveCommand.PlannerFactory planners) {
        this.out = out;
        this.err = err;
        this.planners = planners;
    }

    public int run(String[] args) {
        Problem plan;
        AppointmentRequest request;
        Path output;
        try {
            CommandLine line = new CommandLine(args, OPTIONS);
            Path planFile = Path.of(line.required("plan"));
            Path requestFile = Path.of(line.required("request"));
            output = line.optional("output") == null ? null : Path.of(line.optional("output"));
            plan = read(planFile, Problem.class, "a plan");
            request = read(requestFile, AppointmentRequest.class, "an appointment request");
        } catch (CommandLine.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: java -jar techroute.jar appointments --plan FILE --request FILE [--output FILE]");
            return 2;
        } catch (InputError e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        AppointmentOffers offers;
        try {
            offers = new AppointmentFinder(planners.create()).offers(plan, request);
        } catch (InvalidProblemException e) {
            err.println("error: the request or the plan is not valid; nothing was written:");
            e.violations().forEach(v -> err.println("  " + v));
            return 2;
        } catch (org.techroute.data.travel.UnsupportedTravelModeException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        for (SlotOffer slot : offers.slots()) {
            err.println(String.format(Locale.ROOT, "%s  %s  %s", slot.start(), slot.end(), slot.feasible()
                    ? "feasible  " + slot.scoreDiff() + "  " + slot.technicianId() + " (" + slot.shiftId()
                            + ") arrives " + slot.arrival()
                    : "not feasible  " + slot.reason()));
        }
        String json = ProblemJson.write(offers);
        try {
            if (output == null) {
                out.print(json);
            } else {
                AtomicFiles.write(output, json);
            }
        } catch (IOException e) {
            err.println("error: cannot write the offers: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private static <T> T read(Path file, Class<T> type, String what) {
        if (!Files.isRegularFile(file)) {
            throw new InputError("cannot read " + file + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ProblemJson.read(in, type, what);
        } catch (ProblemFormatException e) {
            throw new InputError(file + " is not " + what + "; nothing was written:\n  " + e.violation());
        } catch (IOException e) {
            throw new InputError("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static final class InputError extends RuntimeException {
        InputError(String message) {
            super(message);
        }
    }
}
