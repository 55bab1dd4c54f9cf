package io.incidentreplay.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A toxic that would crash a real Toxiproxy, or that it does not know, is refused before it is sent. */
class ToxicSpecTest {

    private static ToxicSpec toxic(String type, Map<String, Long> attributes) {
        return new ToxicSpec(type, "downstream", 1f, attributes);
    }

    @Test
    void theToxicsThatCrashToxiproxyAreRefusedWithWhy() {
        assertThat(toxic("bandwidth", Map.of("rate", -1L)).problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("rate must be 0 or more, not -1").contains("panics a real Toxiproxy"));
        assertThat(toxic("slicer", Map.of("average_size", 0L, "delay", 10L)).problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("average_size must be 1 byte or more, not 0").contains("stack overflows"));
        assertThat(toxic("slicer", Map.of("average_size", 64L, "size_variation", 64L)).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("size_variation must be under its average_size (64)"));
        assertThat(toxic("latency", Map.of("latency", -5L)).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("latency must be 0 or more, not -5"));
    }

    @Test
    void anAttributeItsTypeDoesNotHaveIsRefusedWithTheOnesItHas() {
        assertThat(toxic("latency", Map.of("latency", 100L, "rate", 5L)).problem()).hasValue(
                "a latency toxic has no attribute 'rate'; its attributes are [jitter, latency]");
    }

    @Test
    void everyTypeWithItsOwnAttributesInRangeIsSent() {
        assertThat(ToxicSpec.latency(47_283).problem()).isEmpty();
        assertThat(ToxicSpec.timeout(0).problem()).isEmpty();
        assertThat(ToxicSpec.bandwidth(0).problem()).as("rate 0 stalls, as in Toxiproxy").isEmpty();
        assertThat(toxic("slicer", Map.of("average_size", 64L, "size_variation", 32L, "delay", 10L)).problem()).isEmpty();
        assertThat(toxic("slow_close", Map.of("delay", 100L)).problem()).isEmpty();
        assertThat(toxic("reset_peer", Map.of("timeout", 0L)).problem()).isEmpty();
        assertThat(toxic("limit_data", Map.of("bytes", 0L)).problem()).isEmpty();
    }
}
