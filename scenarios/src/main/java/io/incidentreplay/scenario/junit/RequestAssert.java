package io.incidentreplay.scenario.junit;

import io.incidentreplay.scenario.Expect;
import io.incidentreplay.scenario.Replay;

/** The requests of one name (or all of them) in one phase: latency, errors, answers by status. */
public final class RequestAssert {

    private final Replay replay;
    private final String phase;
    private final String request;

    RequestAssert(Replay replay, String phase, String request) {
        this.replay = replay;
        this.phase = phase;
        this.request = request;
    }

    /** The median latency, in ms. */
    public MeasureAssert p50() {
        return new MeasureAssert(replay, Expect.p50(phase, request));
    }

    /** The 99th-percentile latency, in ms. */
    public MeasureAssert p99() {
        return new MeasureAssert(replay, Expect.p99(phase, request));
    }

    /**
     * How far the p99 rose above this request's p99 in another phase, in ms: e.g. an endpoint that
     * never calls the slow dependency keeps {@code p99RiseFrom("steady").isAtMost(Duration.ofMillis(50))}.
     */
    public MeasureAssert p99RiseFrom(String otherPhase) {
        return new MeasureAssert(replay, Expect.p99Rise(phase, request, otherPhase));
    }

    /** The slowest request, in ms. */
    public MeasureAssert maxLatency() {
        return new MeasureAssert(replay, Expect.maxLatency(phase, request));
    }

    /** The share of requests that got no 2xx/3xx answer, in percent. */
    public MeasureAssert errorPercent() {
        return new MeasureAssert(replay, Expect.errorPercent(phase, request));
    }

    /** The share answered 5xx, by the build or by the load balancer, in percent. */
    public MeasureAssert serverErrorPercent() {
        return new MeasureAssert(replay, Expect.serverErrorPercent(phase, request));
    }

    /** The share of degraded answers (those that carried the request's fallback marker), in percent. */
    public MeasureAssert fallbackPercent() {
        return new MeasureAssert(replay, Expect.fallbackPercent(phase, request));
    }

    /** How many requests were answered with this HTTP status. */
    public MeasureAssert answeredWith(int status) {
        return new MeasureAssert(replay, Expect.answers(phase, request, Integer.toString(status)));
    }

    /** How many requests got no answer at all: refused, reset or timed out. */
    public MeasureAssert withoutAnswer() {
        return new MeasureAssert(replay, Expect.answers(phase, request, "no-response"));
    }

    /** Every request got a 2xx/3xx answer. */
    public RequestAssert hadNoErrors() {
        errorPercent().isAtMost(0);
        return this;
    }
}
