package io.incidentreplay.scenario.internal.probe;

import io.incidentreplay.fixtures.environment.stub.HttpStub;
import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import java.util.Map;

/**
 * How many calls reached each HTTP dependency's stub so far ({@code dependency.<name>.requests}, a
 * counter): what a breaker that claims to be open must keep from growing.
 */
public final class DependencyCallsProbe implements Probe {

    private final Map<String, HttpStub> stubs;

    public DependencyCallsProbe(Map<String, HttpStub> stubs) {
        this.stubs = Map.copyOf(stubs);
    }

    /** The counter series of one dependency. */
    public static String series(String dependency) {
        return "dependency." + dependency + ".requests";
    }

    @Override
    public void sample(long atMillis, Timeline timeline) {
        stubs.forEach((name, stub) -> timeline.add(new Sample(atMillis, series(name), name, stub.requestCount())));
    }
}
