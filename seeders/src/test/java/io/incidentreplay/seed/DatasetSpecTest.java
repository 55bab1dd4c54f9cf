package io.incidentreplay.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetSpecTest {

    @Test
    void presets_fix_pets_and_the_default_seed() {
        assertThat(DatasetSpec.preset("production"))
                .isEqualTo(new DatasetSpec(Preset.PRODUCTION, 250_000, 42));
        assertThat(DatasetSpec.preset("production").deletedPets()).as("5% of 250k").isEqualTo(12_500);
        assertThat(DatasetSpec.preset("mvp").deletedPets()).isZero();
    }

    @Test
    void unknown_preset_lists_every_preset() {
        assertThatThrownBy(() -> DatasetSpec.preset("prod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown preset 'prod'; choose one of: mvp (20 pets), ci (25000 pets), production (250000 pets)");
    }

    @Test
    void pets_outside_the_range_are_rejected_with_the_value() {
        assertThatThrownBy(() -> DatasetSpec.preset("ci").withPets(0))
                .hasMessage("pets must be between 1 and 50000000, but was 0");
    }
}
