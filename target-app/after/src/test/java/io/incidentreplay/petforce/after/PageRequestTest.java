package io.incidentreplay.petforce.after;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.petforce.after.AfterSettings.PageLimits;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    private static final PageLimits SEED = new PageLimits(20, 100, 10_000);

    @Test
    void defaultsArePageOneOfTwenty() throws Exception {
        PageRequest request = PageRequest.parse(null, null, SEED);

        assertThat(request).isEqualTo(new PageRequest(1, 20));
        assertThat(request.offset()).isZero();
    }

    @Test
    void limitAboveTheMaximumIsRejectedNotClamped() {
        assertThatThrownBy(() -> PageRequest.parse("1", "101", SEED))
                .isInstanceOfSatisfying(PageRequest.Invalid.class, e -> assertThat(e.code).isEqualTo("INVALID_LIMIT"))
                .hasMessageContaining("101");
    }

    @Test
    void theOffsetCapAppliesToPageDerivedOffsets() throws Exception {
        assertThat(PageRequest.parse("101", "100", SEED).offset()).isEqualTo(10_000);
        assertThatThrownBy(() -> PageRequest.parse("102", "100", SEED))
                .isInstanceOfSatisfying(PageRequest.Invalid.class, e -> assertThat(e.code).isEqualTo("INVALID_OFFSET"))
                .hasMessageContaining("10100");
    }

    @Test
    void pageBelowOneIsRejected() {
        assertThatThrownBy(() -> PageRequest.parse("0", null, SEED))
                .isInstanceOfSatisfying(PageRequest.Invalid.class, e -> assertThat(e.code).isEqualTo("INVALID_OFFSET"));
    }
}
