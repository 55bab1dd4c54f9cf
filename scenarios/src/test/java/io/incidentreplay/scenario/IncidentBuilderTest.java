package io.incidentreplay.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.scenario.testsupport.BuiltInIncidents;
import org.junit.jupiter.api.Test;

/** The builder refuses, before anything runs, an incident whose parts do not fit together, naming the field. */
class IncidentBuilderTest {

    private final Incident weather = BuiltInIncidents.byId("weather-cascade");

    @Test
    void aMisspeltPhaseInAnExpectationIsRefusedWithThePhasesThereAre() {
        assertThatThrownBy(() -> weather.toBuilder().budgets(Expect.p99("faul", "dashboard").atMost(700)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("incident 'weather-cascade': budgets[0] 'faul p99 of dashboard <= 700 ms' names phase 'faul', "
                        + "which the load does not have; phases are warm-up, steady, fault, recovery, after, run");
    }

    @Test
    void anUnknownRequestInAnExpectationIsRefusedWithTheRequestsThereAre() {
        assertThatThrownBy(() -> weather.toBuilder().signature(Expect.p99("fault", "dashbord").atLeast(1)).build())
                .hasMessageContaining("signature[0]").hasMessageContaining("names request 'dashbord'")
                .hasMessageContaining("requests are dashboard, pets and all");
    }

    @Test
    void aControlWindowMustBeThePhaseJustBeforeTheFault() {
        assertThatThrownBy(() -> weather.toBuilder().control(Control.window("warm-up"))
                .steadyState(Expect.errorPercent("warm-up", RequestStats.ALL).atMost(0.1)).build())
                .hasMessageContaining("control: the control window 'warm-up' must be the phase just before the first fault's phase 'fault'");
    }

    @Test
    void theSteadyStateIsJudgedOverTheControlsPhaseOnly() {
        assertThatThrownBy(() -> weather.toBuilder().steadyState(Expect.errorPercent("recovery", RequestStats.ALL).atMost(0.1)).build())
                .hasMessageContaining("names phase 'recovery', but the hypothesis is judged over the control's phase 'steady'");
    }

    @Test
    void anIncidentWithoutSteadyStateOrSignatureIsRefused() {
        assertThatThrownBy(() -> weather.toBuilder().steadyState().build()).hasMessageContaining("steadyState is empty");
        assertThatThrownBy(() -> weather.toBuilder().signature().build())
                .hasMessageContaining("signature is empty: a replay that cannot fail on the baseline proves nothing");
    }

    @Test
    void aToxicOnAProxyThatIsNoDependencyIsRefused() {
        assertThatThrownBy(() -> weather.toBuilder().faults(Fault.toxic("weather", ToxicSpec.latency(47_283), "fault")).build())
                .hasMessageContaining("faults: a fault on proxy 'weather', but the dependencies are [postgres, weather-api]");
    }

    @Test
    void toBuilderChangesOneThingAndKeepsTheRest() {
        Incident slower = weather.toBuilder().compressible(new TimeScale(0.2)).build();

        assertThat(slower.defaultTimeScale().factor()).isEqualTo(0.2);
        assertThat(slower.signature()).isEqualTo(weather.signature());
        assertThat(slower.load()).isEqualTo(weather.load());
        assertThat(slower.control()).isEqualTo(weather.control());
    }

    @Test
    void theFirstFaultPhaseIsTheEarliestPhaseWithAFault() {
        Incident twoFaults = weather.toBuilder()
                .faults(Fault.toxic("postgres", ToxicSpec.latency(100), "recovery"), weather.faults().get(0))
                .build();

        assertThat(twoFaults.firstFaultPhase()).hasValue("fault");
    }
}
