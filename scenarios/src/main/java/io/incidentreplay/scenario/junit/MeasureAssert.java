package io.incidentreplay.scenario.junit;

import io.incidentreplay.scenario.Expectation;
import io.incidentreplay.scenario.Finding;
import io.incidentreplay.scenario.Measure;
import io.incidentreplay.scenario.Replay;
import java.time.Duration;
import org.assertj.core.api.AbstractAssert;

/**
 * One measure of a replay, bounded as a budget bounds it. Times are in milliseconds of the replay as
 * run, or in incident time ({@link #isAtMostInIncidentTime}) when the bound should follow the time scale.
 */
public final class MeasureAssert extends AbstractAssert<MeasureAssert, Replay> {

    private final Measure measure;

    MeasureAssert(Replay replay, Measure measure) {
        super(replay, MeasureAssert.class);
        this.measure = measure;
    }

    public MeasureAssert isAtMost(double limit) {
        return holds(measure.atMost(limit));
    }

    public MeasureAssert isAtLeast(double limit) {
        return holds(measure.atLeast(limit));
    }

    public MeasureAssert isBelow(double limit) {
        return holds(measure.below(limit));
    }

    public MeasureAssert isAbove(double limit) {
        return holds(measure.above(limit));
    }

    public MeasureAssert isAtMost(Duration limit) {
        return isAtMost(limit.toMillis());
    }

    public MeasureAssert isAtLeast(Duration limit) {
        return isAtLeast(limit.toMillis());
    }

    /** A bound in incident time, multiplied by the replay's time scale as the incident's own bounds are. */
    public MeasureAssert isAtMostInIncidentTime(Duration incidentTime) {
        return holds(measure.atMostScaled(incidentTime));
    }

    /** A bound in incident time, multiplied by the replay's time scale as the incident's own bounds are. */
    public MeasureAssert isAtLeastInIncidentTime(Duration incidentTime) {
        return holds(measure.atLeastScaled(incidentTime));
    }

    MeasureAssert holds(Expectation expectation) {
        isNotNull();
        Finding finding = Judged.on(actual, expectation);
        // not checkable in this environment (no CloudWatch Logs): the test is skipped, visibly, not passed
        org.junit.jupiter.api.Assumptions.assumeFalse(finding.notCheckable(), finding.reason());
        if (!finding.met()) {
            failWithMessage("%s%nreplay: %s", finding.reason(), actual);
        }
        return this;
    }
}
