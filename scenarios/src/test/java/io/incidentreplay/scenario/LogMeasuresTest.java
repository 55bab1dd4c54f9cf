package io.incidentreplay.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.incidentreplay.fixtures.environment.cloudwatch.LogGroups;
import io.incidentreplay.scenario.internal.measure.LogGroupScan;
import io.incidentreplay.scenario.internal.measure.LogScan;
import io.incidentreplay.scenario.internal.measure.Observations;
import io.incidentreplay.scenario.internal.measure.RequestLog;
import io.incidentreplay.scenario.internal.measure.RequestRecord;
import io.incidentreplay.scenario.internal.measure.Timeline;
import io.incidentreplay.scenario.internal.probe.LogVolumeProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log measures read the builds' log files joined with the requests the load sent. */
class LogMeasuresTest {

    private static final LogWatch WATCH = new LogWatch("X-Request-Id", List.of("canary-password-1", "canary-cookie-22"));
    private static final Costs COSTS = new Costs(1200, "seed", 0.50, "price list");

    @TempDir
    Path dir;

    private final Timeline timeline = new Timeline();
    private final Map<Long, RequestLog.Sent> sent = new LinkedHashMap<>();

    private Observations observations(LogScan logs) {
        return new Observations(List.of(), timeline, Map.of("steady", new Window("steady", 0, 10_000),
                Observations.RUN, new Window(Observations.RUN, 0, 10_000)), new TimeScale(1), logs);
    }

    /** 20 dashboards (ids 0-19) and 10 pet lists (ids 100-109), all sent in the steady phase. */
    private void sendRequests() {
        for (long id = 0; id < 20; id++) {
            sent.put(id, new RequestLog.Sent("dashboard", 1_000 + id));
        }
        for (long id = 100; id < 110; id++) {
            sent.put(id, new RequestLog.Sent("pets", 2_000 + id));
        }
    }

    @Test
    void theLoggedShareCountsTheRequestsALogLineNames() throws IOException {
        sendRequests();
        StringBuilder log = new StringBuilder("12:00:00.000 INFO  [main] petforce - started\n");
        for (long id : List.of(3L, 7L)) { // 2 of the 20 dashboards: a 10% sample
            log.append("INFO petforce.requests - Request completed GET /api/v1/dashboard requestId=")
                    .append(LogWatch.requestId(id)).append(" status=200\n");
        }
        for (long id = 100; id < 110; id++) { // every pet list, one of them twice
            log.append("INFO petforce.requests - GET /api/v1/pets requestId=").append(LogWatch.requestId(id)).append('\n');
        }
        log.append("INFO petforce.requests - GET /api/v1/pets requestId=").append(LogWatch.requestId(100)).append('\n');
        Path file = Files.writeString(dir.resolve("candidate-0.log"), log);

        Observations obs = observations(LogScan.of(List.of(file), WATCH, sent));

        assertThat(Expect.loggedPercent("steady", "dashboard").read(obs)).isEqualTo(10.0);
        assertThat(Expect.loggedPercent("steady", "pets").read(obs)).isEqualTo(100.0);
        assertThat(Expect.loggedPercent("steady", RequestStats.ALL).read(obs)).isEqualTo(100.0 * 12 / 30);
        // the pet lists' lines (ids 100-109: all the same length, one logged twice), over the 10 sent
        long petLine = ("INFO petforce.requests - GET /api/v1/pets requestId=" + LogWatch.requestId(100) + "\n").length();
        assertThat(Expect.requestLogBytes("steady", "pets").read(obs)).isEqualTo(11.0 * petLine / 10);
        Finding sampled = Expect.loggedPercent("steady", "dashboard").atMost(12).evaluate(obs);
        assertThat(sampled.reason()).isEqualTo("steady logged share of dashboard 10% <= 12%");
    }

    @Test
    void theSlowRequestsShareCountsOnlyTheRequestsAnsweredLaterThanTheBound() throws IOException {
        RequestLog load = new RequestLog(true);
        for (long id = 0; id < 10; id++) { // ten dashboards: 0-3 answered in 1.5 s, the rest in 40 ms
            load.begin(id, "dashboard", 1_000 + id);
            load.end(id, new RequestRecord("dashboard", 1_000 + id, id < 4 ? 1_500 : 40, 200, false));
        }
        load.begin(99, "dashboard", 2_000); // never answered: neither slow nor fast
        StringBuilder log = new StringBuilder();
        for (long id : List.of(0L, 1L, 2L, 5L)) { // three of the four slow ones, and one fast one
            log.append("GET /api/v1/dashboard requestId=").append(LogWatch.requestId(id)).append(" durationMs=1500\n");
        }
        Path file = Files.writeString(dir.resolve("candidate-0.log"), log);
        Observations obs = observations(LogScan.of(List.of(file), WATCH, load.sent()));

        Measure slow = Expect.loggedSlowPercent("steady", "dashboard", java.time.Duration.ofMillis(1_200));
        assertThat(slow.read(obs)).isEqualTo(75.0);
        assertThat(Expect.loggedPercent("steady", "dashboard").read(obs)).isEqualTo(100.0 * 4 / 11);
        assertThat(slow.atLeast(100).evaluate(obs).reason())
                .isEqualTo("steady logged share of dashboard slower than 1,200 ms 75% < 100%");
        // no request that slow: nothing was tested, so it cannot pass
        assertThat(Expect.loggedSlowPercent("steady", "dashboard", java.time.Duration.ofSeconds(2)).read(obs)).isNaN();
    }

    @Test
    void aSampleOfRoutineRequestsLeavesOutTheSlowOnesABuildLogsWhateverItsSample() throws IOException {
        RequestLog load = new RequestLog(true);
        StringBuilder log = new StringBuilder();
        for (long id = 0; id < 300; id++) { // 250 routine dashboards, 25 of them logged; 50 slow ones, all logged
            boolean slow = id >= 250;
            load.begin(id, "dashboard", 1_000 + id);
            load.end(id, new RequestRecord("dashboard", 1_000 + id, slow ? 1_500 : 40, 200, false));
            if (slow || id % 10 == 0) {
                log.append("GET /api/v1/dashboard requestId=").append(LogWatch.requestId(id)).append('\n');
            }
        }
        Path file = Files.writeString(dir.resolve("candidate-0.log"), log);
        Observations obs = observations(LogScan.of(List.of(file), WATCH, load.sent()));

        // 75 of 300 logged: 25%, 8.7 σ off a 10% sample
        assertThat(Expect.samplingDeviation("steady", "dashboard", 0.1).read(obs)).isCloseTo(8.66, within(0.01));
        Measure routine = Expect.samplingDeviation("steady", "dashboard", 0.1, java.time.Duration.ofSeconds(1));
        assertThat(routine.read(obs)).isZero();
        assertThat(routine.label()).isEqualTo("steady logged share of dashboard within 1,000 ms off a 10% sample by");
    }

    @Test
    void logGroupsWithoutRetentionAreAShareOfTheGroupsAndNotCheckableWhereThereIsNoCloudWatchLogs() {
        Measure retention = Expect.logGroupsWithoutRetention("logs");
        Observations forever = withGroups(new LogGroupScan(Map.of("logs", List.of(new LogGroups.Group("/ecs/api", null),
                new LogGroups.Group("/ecs/errors", 30))), null));
        Observations none = withGroups(new LogGroupScan(Map.of("logs", List.of()), null));
        Observations unread = withGroups(new LogGroupScan(Map.of(), null));

        assertThat(retention.read(forever)).isEqualTo(50.0);
        assertThat(retention.atMost(0).evaluate(forever).reason()).isEqualTo("share of logs's log groups without retention 50% > 0%");
        assertThat(retention.read(none)).as("a build that put no group tested nothing").isNaN();
        assertThat(retention.read(unread)).isNaN();

        Finding unchecked = retention.atMost(0).evaluate(withGroups(LogGroupScan.notCheckable("the embedded environment has none")));
        assertThat(unchecked.notCheckable()).isTrue();
        assertThat(unchecked.failed()).isFalse();
        assertThat(unchecked.reason()).isEqualTo("share of logs's log groups without retention: not checkable here: "
                + "the embedded environment has none");
        assertThat(unchecked.marginText()).isEqualTo("not checkable");
    }

    private Observations withGroups(LogGroupScan groups) {
        return new Observations(List.of(), timeline, Map.of(Observations.RUN, new Window(Observations.RUN, 0, 10_000)),
                new TimeScale(1), LogScan.NONE, io.incidentreplay.scenario.internal.measure.StorageScan.NONE, groups);
    }

    @Test
    void aSampleIsJudgedInBinomialStandardDeviationsOfItsCount() throws IOException {
        for (long id = 0; id < 900; id++) {
            sent.put(id, new RequestLog.Sent("dashboard", 1_000 + id));
        }
        StringBuilder tenPercent = new StringBuilder();
        StringBuilder all = new StringBuilder();
        for (long id = 0; id < 900; id++) {
            String line = "GET /api/v1/dashboard requestId=" + LogWatch.requestId(id) + "\n";
            all.append(line);
            if (id % 10 == 0 || id == 1 || id == 2 || id == 3) { // 90 + 3 of 900: 10.33%
                tenPercent.append(line);
            }
        }
        Observations sampled = observations(LogScan.of(List.of(Files.writeString(dir.resolve("a.log"), tenPercent)), WATCH, sent));
        Observations everything = observations(LogScan.of(List.of(Files.writeString(dir.resolve("b.log"), all)), WATCH, sent));

        // sigma of a 10% sample of 900 is 1%: 10.33% is a third of one off
        assertThat(Expect.samplingDeviation("steady", "dashboard", 0.10).read(sampled)).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Expect.samplingDeviation("steady", "dashboard", 0.10).atMost(3).evaluate(sampled).reason())
                .isEqualTo("steady logged share of dashboard off a 10% sample by 0.33 σ <= 3 σ");
        assertThat(Expect.samplingDeviation("steady", "dashboard", 0.10).read(everything)).isEqualTo(90.0);
    }

    @Test
    void aCanaryIsFoundInAnyLineOfAnyInstancesLog() throws IOException {
        Path one = Files.writeString(dir.resolve("baseline-0.log"),
                "INFO Incoming request POST /api/v1/auth/login body={\"password\":\"canary-password-1\"}\n"
                        + "INFO Incoming request GET / headers={Cookie=session=canary-cookie-22}\n");
        Path two = Files.writeString(dir.resolve("baseline-1.log"), "WARN nothing secret here\n"
                + "INFO Incoming request GET / headers={Cookie=session=canary-cookie-22}\n");
        Path clean = Files.writeString(dir.resolve("candidate-0.log"),
                "INFO Request completed POST /api/v1/auth/login status=401 body={\"password\":\"[REDACTED]\"}\n");

        assertThat(Expect.secretsInLogs().read(observations(LogScan.of(List.of(one, two), WATCH, sent)))).isEqualTo(3);
        // a line holding two canaries is one line with a secret
        Path both = Files.writeString(dir.resolve("baseline-2.log"), "INFO body={\"password\":\"canary-password-1\"} "
                + "headers={Cookie=session=canary-cookie-22}\n");
        assertThat(Expect.secretsInLogs().read(observations(LogScan.of(List.of(both), WATCH, sent)))).isEqualTo(1);
        assertThat(LogScan.of(List.of(one, two), WATCH, sent).canaryLines())
                .containsEntry("canary-password-1", 1L).containsEntry("canary-cookie-22", 2L);
        assertThat(Expect.secretsInLogs().atMost(0).evaluate(observations(LogScan.of(List.of(clean), WATCH, sent))).met()).isTrue();
        // no log read at all is not "no secret": nothing was measured
        assertThat(Expect.secretsInLogs().read(observations(LogScan.NONE))).isNaN();
    }

    @Test
    void withNoLogReadOrTooFewRequestsOrRoundsNothingIsMeasured() throws IOException {
        sendRequests();
        Observations unread = observations(new LogScan(sent, Map.of(), Map.of(), 0, 0));
        assertThat(Expect.loggedPercent("steady", "dashboard").read(unread)).isNaN();
        assertThat(Expect.requestLogBytes("steady", "dashboard").read(unread)).isNaN();
        assertThat(Expect.loggedPercent("steady", "dashboard").atMost(12).evaluate(unread).met()).isFalse();
        // 20 dashboards at 10%: n p (1 - p) = 1.8, too few for the normal approximation, even if all were logged
        Observations read = observations(new LogScan(sent, Map.of(0L, 100L), Map.of(), 0, 1));
        assertThat(Expect.samplingDeviation("steady", "dashboard", 0.10).read(read)).isNaN();
        // one sampling round of the log files: no growth can be read
        timeline.add(new Sample(0, LogVolumeProbe.SERIES, "baseline-0", 1_000));
        assertThat(Expect.logBytesPerRequest("steady").read(read)).isNaN();
    }

    @Test
    void logBytesPerRequestAreTheLogFilesGrowthOverTheRequestsSent() {
        sendRequests();
        // two instances' log files, sampled at the phase's start and end: 24,000 + 6,000 bytes written
        timeline.add(new Sample(0, LogVolumeProbe.SERIES, "baseline-0", 1_000));
        timeline.add(new Sample(0, LogVolumeProbe.SERIES, "baseline-1", 500));
        timeline.add(new Sample(9_000, LogVolumeProbe.SERIES, "baseline-0", 25_000));
        timeline.add(new Sample(9_000, LogVolumeProbe.SERIES, "baseline-1", 6_500));

        Observations obs = observations(new LogScan(sent, Map.of(), Map.of(), 0, 2));

        assertThat(Expect.logBytesPerRequest("steady").read(obs)).isEqualTo(1_000.0);
        // 1,000 B per request at 1,200 req/s for 30 days: 3.11e12 B = 2^30 B to the GB 2,896.8 GB, at $0.50/GB $1,448.39
        assertThat(Expect.monthlyLogGb("steady", COSTS).read(obs)).isCloseTo(2_896.8, org.assertj.core.data.Offset.offset(0.1));
        assertThat(Expect.monthlyLogUsd("steady", COSTS).read(obs)).isCloseTo(1_448.39, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Expect.monthlyLogUsd("steady", COSTS).atMost(400).evaluate(obs).reason())
                .isEqualTo("steady projected log ingestion at 1,200 req/s 1,448.39 USD/month > 400 USD/month");
    }
}
