package org.techroute.data.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;
import org.techroute.data.model.Visit;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.data.validation.ValidationReport;

/**
 * Adds the visits of a CSV file to a base problem (its technicians, shifts, options and any visits it already has)
 * and checks the whole as a problem: findings on an imported visit are reported at its line and column of the CSV,
 * findings in the base problem at their JSON path. Any error, and nothing is imported.
 */
public final class VisitImport {

    /**
     * The problem with the imported visits added.
     *
     * @param imported       how many visits came from the CSV
     * @param ignoredHeaders headers of the CSV that name no column (not read)
     */
    public record Result(Problem problem, int imported, List<String> ignoredHeaders) {
    }

    private static final Pattern VISIT_PATH = Pattern.compile("\\$\\.visits\\[(\\d+)](.*)");

    private final ProblemValidator validator;

    public VisitImport(ProblemValidator validator) {
        this.validator = validator;
    }

    /**
     * @param base the technicians, shifts and options to import into (null: an empty problem); a solution it has is
     *             dropped, since the visits change
     */
    public Result importVisits(Problem base, String csv, VisitCsvReader reader) throws ImportException {
        VisitCsvReader.Result read = reader.read(csv);
        Problem start = base == null ? Problem.of("Imported visits", null, null, null, null) : base;
        List<Visit> visits = new ArrayList<>(start.visitsOrEmpty());
        int first = visits.size();
        read.rows().forEach(row -> visits.add(row.visit()));
        Problem problem = start.withResources(start.technicians(), start.shifts(), visits).withSolution(null);
        ValidationReport report = validator.validate(problem);
        if (!report.isValid()) {
            List<ImportError> errors = new ArrayList<>();
            for (Violation violation : report.errors()) {
                errors.add(locate(violation, first, read));
            }
            throw new ImportException(errors);
        }
        return new Result(problem, read.rows().size(), read.ignoredHeaders());
    }

    private static ImportError locate(Violation violation, int first, VisitCsvReader.Result read) {
        Matcher m = violation.path() == null ? null : VISIT_PATH.matcher(violation.path());
        if (m != null && m.matches() && Integer.parseInt(m.group(1)) >= first) {
            VisitCsvReader.Row row = read.rows().get(Integer.parseInt(m.group(1)) - first);
            VisitColumn column = column(m.group(2));
            return new ImportError(row.line(), column == null ? null : read.headers().get(column),
                    column == null ? null : column.header(), row.visit().id(), null, violation.message());
        }
        return new ImportError(null, null, null, violation.entityId(), violation.path(), violation.message());
    }

    private static final Map<String, VisitColumn> COLUMNS = Map.ofEntries(
            Map.entry(".id", VisitColumn.ID),
            Map.entry(".customerName", VisitColumn.CUSTOMER),
            Map.entry(".location", VisitColumn.LAT),
            Map.entry(".serviceDurationSeconds", VisitColumn.DURATION),
            Map.entry(".timeWindows", VisitColumn.WINDOW_START),
            Map.entry(".priority", VisitColumn.PRIORITY),
            Map.entry(".requiredSkills", VisitColumn.SKILLS),
            Map.entry(".requiredCertifications", VisitColumn.CERTIFICATIONS),
            Map.entry(".requiredTechnicianIds", VisitColumn.REQUIRED_TECHNICIANS),
            Map.entry(".preferredTechnicianIds", VisitColumn.PREFERRED_TECHNICIANS),
            Map.entry(".excludedTechnicianIds", VisitColumn.EXCLUDED_TECHNICIANS),
            Map.entry(".demand", VisitColumn.DEMAND),
            Map.entry(".address", VisitColumn.ADDRESS),
            Map.entry(".notes", VisitColumn.NOTES));

    private static VisitColumn column(String subPath) {
        for (Map.Entry<String, VisitColumn> entry : COLUMNS.entrySet()) {
            String key = entry.getKey();
            if (subPath.equals(key) || subPath.startsWith(key + ".") || subPath.startsWith(key + "[")) {
                if (entry.getValue() == VisitColumn.LAT && subPath.contains(".lon")) {
                    return VisitColumn.LON;
                }
                if (entry.getValue() == VisitColumn.LAT && subPath.contains(".x")) {
                    return VisitColumn.X;
                }
                if (entry.getValue() == VisitColumn.LAT && subPath.contains(".y")) {
                    return VisitColumn.Y;
                }
                if (entry.getValue() == VisitColumn.WINDOW_START && subPath.endsWith(".end")) {
                    return VisitColumn.WINDOW_END;
                }
                return entry.getValue();
            }
        }
        return null;
    }
}
