package org.techroute.data.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.techroute.data.Examples;
import org.techroute.data.model.Violation;

/** Issue 15's input bounds: the name's length, the time limit's bound, mixed coordinates, far locations. */
class InputBoundsTest {

    private final ProblemValidator service = new ProblemValidator(new ProblemLimits(100, 10, 10,
            Duration.ofMinutes(30)));

    private ValidationReport validate(ProblemValidator validator, Consumer<ObjectNode> edit) {
        ObjectNode tree = Examples.smallProblemTree();
        edit.accept(tree);
        return validator.validate(Examples.problem(tree));
    }

    @Test
    void theNameFitsItsColumn() {
        assertThat(validate(service, t -> t.put("name", "n".repeat(500))).errors()).isEmpty();
        assertThat(validate(service, t -> t.put("name", "n".repeat(501))).errors()).extracting(Violation::path)
                .containsExactly("$.name");
    }

    @Test
    void theTimeLimitIsBoundedWhereTheServiceSaysSo() {
        assertThat(validate(service, t -> t.with("options").put("timeLimit", "PT30M")).errors()).isEmpty();
        ValidationReport tooLong = validate(service, t -> t.with("options").put("timeLimit", "P3650D"));
        assertThat(tooLong.errors()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("$.options.timeLimit");
            assertThat(v.message()).contains("PT30M").contains("PT87600H");
        });
        // the command line has no bound
        assertThat(validate(new ProblemValidator(), t -> t.with("options").put("timeLimit", "P3650D")).errors())
                .isEmpty();
    }

    @Test
    void aLocationIsLatLonOrXyNeverBoth() {
        ValidationReport mixed = validate(service, t -> ((ObjectNode) t.withArray("technicians").get(0).get("home"))
                .put("x", 1.0));
        assertThat(mixed.errors()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("$.technicians[0].home");
            assertThat(v.message()).contains("not both");
        });
    }

    @Test
    void aLocationFarFromAllOthersIsAWarningNotAnError() {
        assertThat(validate(service, t -> { }).warnings()).noneMatch(v -> v.message().contains(" km from"));
        ValidationReport far = validate(service, t -> ((ObjectNode) t.withArray("technicians").get(0).get("home"))
                .put("lat", -33.9).put("lon", 151.2));
        assertThat(far.errors()).isEmpty();
        assertThat(far.warnings()).filteredOn(v -> v.message().contains(" km from")).singleElement()
                .satisfies(v -> {
                    assertThat(v.path()).isEqualTo("$.technicians[0].home");
                    assertThat(v.message()).contains("technician's home");
                });
        // a longitude that lost its sign: 9.5 E becomes 9.5 W, about 1,400 km away
        ValidationReport sign = validate(service, t -> ((ObjectNode) t.withArray("visits").get(2).get("location"))
                .put("lon", -9.5));
        assertThat(sign.warnings()).filteredOn(v -> v.message().contains(" km from")).extracting(Violation::path)
                .containsExactly("$.visits[2].location");
    }
}
