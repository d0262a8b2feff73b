package platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every object of both real stacks meets ../shared/design/baseline.md, so a new workload cannot slip below it. */
class StackBaselineTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectOfTheStackMeetsTheBaseline(String stack) {
        var result = Stacks.run(stack);

        assertThat(result.problems()).isEmpty();
        assertThat(Baseline.violations(result.resources(), stack.equals("prod"))).isEmpty();
    }
}
