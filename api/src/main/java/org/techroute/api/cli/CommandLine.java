package org.techroute.api.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.techroute.data.model.TravelMode;

/** {@code --name value} options of one command, with typed access and clear errors. */
final class CommandLine {

    private final Map<String, String> values = new HashMap<>();

    CommandLine(String[] args, Set<String> known) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name;
            String value;
            if (arg.startsWith("--") && arg.contains("=")) {
                name = arg.substring(2, arg.indexOf('='));
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (arg.startsWith("--")) {
                name = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args[++i];
            } else {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            if (values.put(name, value) != null) {
                throw new UsageException("option --" + name + " is given twice");
            }
        }
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("option --" + name + " is required");
        }
        return value;
    }

    String optional(String name) {
        return values.get(name);
    }

    Long longValue(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " must be a whole number, got '" + value + "'");
        }
    }

    int intValue(String name, int defaultValue, int minimum) {
        Long value = longValue(name);
        if (value == null) {
            return defaultValue;
        }
        if (value < minimum || value > Integer.MAX_VALUE) {
            throw new UsageException("option --" + name + " must be at least " + minimum + ", got " + value);
        }
        return value.intValue();
    }

    Duration duration(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative() || duration.isZero()) {
                throw new UsageException("option --" + name + " must be positive, got '" + value + "'");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new UsageException("option --" + name + " must be an ISO-8601 duration such as PT30S or PT2M, got '"
                    + value + "'");
        }
    }

    LocalDate date(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("option --" + name + " must be a date such as 2026-11-24, got '" + value + "'");
        }
    }

    TravelMode travelMode(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        for (TravelMode mode : TravelMode.values()) {
            if (mode.jsonName().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new UsageException("option --" + name + " must be road, haversine or euclidean, got '" + value + "'");
    }

    /** A command line that cannot be run. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
