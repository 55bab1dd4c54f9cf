package io.incidentreplay.scenario.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.scenario.Incident;
import org.junit.jupiter.api.Test;

/** The gate's choice of incidents ({@code replay.incidents}): what the pom names, and nothing unseen. */
class BuiltInIncidentsTest {

    @Test
    void aBlankSelectionIsEveryIncidentFile() {
        assertThat(BuiltInIncidents.selected(" ")).map(Incident::id)
                .containsExactlyElementsOf(BuiltInIncidents.all().stream().map(Incident::id).toList())
                .contains("pool-exhaustion", "database-stall", "weather-cascade", "log-explosion");
    }

    @Test
    void aListIsTakenInTheCatalogueOrderWithNothingElse() {
        assertThat(BuiltInIncidents.selected("weather-cascade, pool-exhaustion")).map(Incident::id)
                .containsExactly("pool-exhaustion", "weather-cascade");
    }

    @Test
    void anIdWithNoIncidentFileIsRefusedWithTheIdsThereAre() {
        assertThatThrownBy(() -> BuiltInIncidents.selected("pool-exhaustion,weather-cascde"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[weather-cascde]")
                .hasMessageContaining("weather-cascade");
    }
}
