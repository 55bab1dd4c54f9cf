package io.incidentreplay.scenario;

import io.incidentreplay.scenario.internal.measure.Observations;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One finished replay: its {@link ReplayResult}, where its result.json and HTML report are, and
 * what its verdict was judged on, so that more can be asked of it afterwards in the same words as an
 * incident's signature and budgets: {@code replay.judge(Expect.p99("fault", "checkout").atMost(600))}.
 * {@code ReplayAssertions.assertThat(replay)} (in {@code io.incidentreplay.scenario.junit}) builds
 * those expectations for you.
 */
public final class Replay {

    private final ReplayResult result;
    private final Path directory;
    private final Observations observations;
    private final Replay control;

    Replay(ReplayResult result, Path directory, Observations observations, Replay control) {
        this.result = result;
        this.directory = directory;
        this.observations = observations;
        this.control = control;
    }

    public ReplayResult result() {
        return result;
    }

    public Verdict verdict() {
        return result.verdict();
    }

    /** The result file, {@code <output>/<incident>/<role>/result.json}. */
    public Path resultFile() {
        return directory.resolve("result.json");
    }

    /** The HTML report beside the result file: written for every replay, broken and interrupted ones too. */
    public Path report() {
        return directory.resolve("report.html");
    }

    /** The control replay this baseline's verdict rests on, when its incident's control is a second replay. */
    public Optional<Replay> control() {
        return Optional.ofNullable(control);
    }

    /**
     * Judges one more expectation on what this replay observed, exactly as a signature or a budget is
     * judged: same measures, same windows, the same time scale for limits in incident time.
     */
    public Finding judge(Expectation expectation) {
        return expectation.evaluate(observations);
    }

    @Override
    public String toString() {
        return result.role() + " " + result.verdict() + " " + result.incident().id() + " on " + result.build().name()
                + " (" + report() + ")";
    }
}
