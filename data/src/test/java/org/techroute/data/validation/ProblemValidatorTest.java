package org.techroute.data.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.techroute.data.Examples;
import org.techroute.data.model.Violation;

class ProblemValidatorTest {

    private final ProblemValidator validator = new ProblemValidator(new ProblemLimits(100, 10, 10));

    private ValidationReport validate(Consumer<ObjectNode> edit) {
        ObjectNode tree = Examples.smallProblemTree();
        edit.accept(tree);
        return validator.validate(Examples.problem(tree));
    }

    private static ObjectNode visit(ObjectNode tree, int index) {
        return (ObjectNode) tree.withArray("visits").get(index);
    }

    private static ObjectNode shift(ObjectNode tree, int index) {
        return (ObjectNode) tree.withArray("shifts").get(index);
    }

    private static ObjectNode technician(ObjectNode tree, int index) {
        return (ObjectNode) tree.withArray("technicians").get(index);
    }

    @Test
    void theExampleIsValid() {
        ValidationReport report = validate(tree -> {
        });
        assertThat(report.errors()).isEmpty();
    }

    static Stream<Arguments> invalidProblems() {
        return Stream.of(
                Arguments.of("duplicate visit id", (Consumer<ObjectNode>) t -> visit(t, 1).put("id", "v1"),
                        "$.visits[1].id", "v1", "duplicate visit id"),
                Arguments.of("duplicate technician id", (Consumer<ObjectNode>) t -> technician(t, 1).put("id", "anna"),
                        "$.technicians[1].id", "anna", "duplicate technician id"),
                Arguments.of("duplicate shift id", (Consumer<ObjectNode>) t -> shift(t, 1).put("id", "anna-mon"),
                        "$.shifts[1].id", "anna-mon", "duplicate shift id"),
                Arguments.of("missing visit id", (Consumer<ObjectNode>) t -> visit(t, 2).remove("id"),
                        "$.visits[2].id", null, "has no id"),
                Arguments.of("shift of unknown technician",
                        (Consumer<ObjectNode>) t -> shift(t, 1).put("technicianId", "carl"),
                        "$.shifts[1].technicianId", "ben-mon", "unknown technician 'carl'"),
                Arguments.of("shift ends before it starts",
                        (Consumer<ObjectNode>) t -> shift(t, 0).put("end", "2026-11-23T07:00:00+01:00"),
                        "$.shifts[0].end", "anna-mon", "ends"),
                Arguments.of("overlapping shifts of one technician",
                        (Consumer<ObjectNode>) t -> shift(t, 1).put("technicianId", "anna"),
                        "$.shifts[1]", "ben-mon", "overlaps shift 'anna-mon' ($.shifts[0]"),
                Arguments.of("window ends before it starts",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) visit(t, 3).withArray("timeWindows").get(0))
                                .put("end", "2026-11-23T11:00:00+01:00"),
                        "$.visits[3].timeWindows[0]", "v4", "ends"),
                Arguments.of("negative service duration",
                        (Consumer<ObjectNode>) t -> visit(t, 4).put("serviceDurationSeconds", -60),
                        "$.visits[4].serviceDurationSeconds", "v5", "must not be negative"),
                Arguments.of("negative break duration",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) shift(t, 1).withArray("breaks").get(0))
                                .put("durationSeconds", -1),
                        "$.shifts[1].breaks[0].durationSeconds", "ben-mon", "must not be negative"),
                Arguments.of("break latest start before earliest",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) shift(t, 0).withArray("breaks").get(0))
                                .put("latestStart", "2026-11-23T10:00:00+01:00"),
                        "$.shifts[0].breaks[0].latestStart", "anna-mon", "before its earliest start"),
                Arguments.of("negative overtime",
                        (Consumer<ObjectNode>) t -> shift(t, 0).put("maxOvertimeSeconds", -5),
                        "$.shifts[0].maxOvertimeSeconds", "anna-mon", "must not be negative"),
                Arguments.of("unknown required technician",
                        (Consumer<ObjectNode>) t -> ((ArrayNode) visit(t, 4).withArray("requiredTechnicianIds"))
                                .set(0, "zoe"),
                        "$.visits[4].requiredTechnicianIds[0]", "v5", "unknown technician 'zoe'"),
                Arguments.of("required and excluded",
                        (Consumer<ObjectNode>) t -> visit(t, 4).putArray("excludedTechnicianIds").add("ben"),
                        "$.visits[4].excludedTechnicianIds", "v5", "both required and excluded"),
                Arguments.of("latitude out of range",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) visit(t, 0).get("location")).put("lat", 147.1),
                        "$.visits[0].location.lat", "v1", "latitude"),
                Arguments.of("x/y location in haversine mode",
                        (Consumer<ObjectNode>) t -> visit(t, 0).putObject("location").put("x", 1).put("y", 2),
                        "$.visits[0].location", "v1", "needs {\"lat\""),
                Arguments.of("missing home", (Consumer<ObjectNode>) t -> technician(t, 0).remove("home"),
                        "$.technicians[0].home", "anna", "home location is missing"),
                Arguments.of("skill level zero required",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) visit(t, 1).get("requiredSkills")).put("appliance", 0),
                        "$.visits[1].requiredSkills.appliance", "v2", "1 or more"),
                Arguments.of("certification valid until before from",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) technician(t, 0).withArray("certifications").get(0))
                                .put("validUntil", "2024-01-01"),
                        "$.technicians[0].certifications[0]", "anna", "valid until"),
                Arguments.of("demand dimensions differ from capacity",
                        (Consumer<ObjectNode>) t -> visit(t, 2).putArray("demand").add(1).add(2),
                        "$.visits[2].demand", "v3", "dimension"),
                Arguments.of("pin to unknown shift",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) visit(t, 0).get("pin")).put("shiftId", "x"),
                        "$.visits[0].pin.shiftId", "v1", "unknown shift 'x'"),
                Arguments.of("two visits pinned at one position",
                        (Consumer<ObjectNode>) t -> visit(t, 5).putObject("pin").put("shiftId", "anna-mon")
                                .put("position", 0),
                        "$.visits[5].pin.position", "v6", "already pinned"),
                Arguments.of("gap in pinned positions",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) visit(t, 0).get("pin")).put("position", 1),
                        "$.visits", null, "without gaps"),
                Arguments.of("unknown constraint weight",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("options").get("constraintWeights"))
                                .put("travel", 3),
                        "$.options.constraintWeights.travel", null, "unknown constraint 'travel'"),
                Arguments.of("negative constraint weight",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("options").get("constraintWeights"))
                                .put("travelTime", -3),
                        "$.options.constraintWeights.travelTime", null, "zero or positive"),
                Arguments.of("zero time limit", (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("options"))
                        .put("timeLimit", "PT0S"), "$.options.timeLimit", null, "must be positive"),
                Arguments.of("no search thread", (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("options"))
                        .put("searchThreads", 0), "$.options.searchThreads", null, "between 1 and 16, got 0"),
                Arguments.of("too many search threads", (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("options"))
                        .put("searchThreads", 17), "$.options.searchThreads", null, "between 1 and 16, got 17"),
                Arguments.of("no shifts", (Consumer<ObjectNode>) t -> t.putArray("shifts"), "$.shifts", null,
                        "at least one shift"),
                Arguments.of("too many visits", (Consumer<ObjectNode>) t -> {
                    ArrayNode visits = t.withArray("visits");
                    for (int i = 0; i < 100; i++) {
                        visits.add(((ObjectNode) visits.get(5).deepCopy()).put("id", "extra" + i));
                    }
                }, "$.visits", null, "too many visits"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidProblems")
    void namesPathEntityAndReason(String rule, Consumer<ObjectNode> edit, String path, String entityId,
            String message) {
        ValidationReport report = validate(edit);
        assertThat(report.isValid()).isFalse();
        assertThat(report.errors()).anySatisfy(violation -> {
            assertThat(violation.path()).isEqualTo(path);
            assertThat(violation.entityId()).isEqualTo(entityId);
            assertThat(violation.message()).contains(message);
        });
    }

    @Test
    void reportsEveryProblemAtOnce() {
        ValidationReport report = validate(tree -> {
            visit(tree, 1).put("id", "v1");
            shift(tree, 1).put("technicianId", "nobody");
            visit(tree, 4).put("serviceDurationSeconds", -1);
        });
        assertThat(report.errors()).extracting(Violation::path).contains("$.visits[1].id", "$.shifts[1].technicianId",
                "$.visits[4].serviceDurationSeconds");
    }

    @Test
    void shiftsOfOneTechnicianMayFollowEachOther() {
        ValidationReport report = validate(tree -> {
            shift(tree, 1).put("technicianId", "anna");
            shift(tree, 1).put("start", "2026-11-23T16:00:00+01:00");
            shift(tree, 1).put("end", "2026-11-23T20:00:00+01:00");
            shift(tree, 1).withArray("breaks").removeAll();
        });
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void searchThreadsUpToTheServiceSlotsAreAccepted() {
        ProblemValidator twoSlots = new ProblemValidator(new ProblemLimits(100, 10, 10, null, 2));
        ObjectNode tree = Examples.smallProblemTree();
        ((ObjectNode) tree.get("options")).put("searchThreads", 2);
        assertThat(twoSlots.validate(Examples.problem(tree)).errors()).isEmpty();

        ((ObjectNode) tree.get("options")).put("searchThreads", 3);
        assertThat(twoSlots.validate(Examples.problem(tree)).errors()).singleElement().satisfies(violation -> {
            assertThat(violation.path()).isEqualTo("$.options.searchThreads");
            assertThat(violation.message()).isEqualTo("search threads 3 are more than this service solves on at"
                    + " once (2); ask for 2 or less");
        });
        assertThat(Examples.problem(tree).options().searchThreads()).isEqualTo(3);
    }
}
