package io.incidentreplay.scenario.internal.load;

import static io.gatling.javaapi.http.HttpDsl.RawFileBodyPart;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.incidentreplay.scenario.LogWatch;
import io.incidentreplay.scenario.Phase;
import io.incidentreplay.scenario.RequestSpec;
import io.incidentreplay.scenario.Upload;
import io.incidentreplay.scenario.internal.measure.RequestRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Gatling simulation every replay runs. Gatling instantiates simulations by class name, so the
 * plan arrives through {@link #PLAN}, set by {@link GatlingDriver} for the length of one run (or from
 * a subclass that makes its own).
 *
 * <p>Each virtual user sends one request from the mix. Around it the user records a
 * {@link RequestRecord} itself: status first, then Gatling's response time, then the fallback
 * marker, and only then the status validation — Gatling skips the checks after a failed one.
 */
public class ReplaySimulation extends Simulation {

    static final AtomicReference<LoadPlan> PLAN = new AtomicReference<>();

    private final LoadPlan plan;

    public ReplaySimulation() {
        this(handedOver());
    }

    /** For a simulation that makes its own plan: {@code io.incidentreplay.scenario.gatling.IncidentSimulation}. */
    protected ReplaySimulation(LoadPlan plan) {
        this.plan = plan;
        // a replay whose steady state did not hold before its fault ends there: the next user stops the load
        ScenarioBuilder users = plan.feeder().isEmpty()
                ? scenario("replay").exec(stopWhenAsked(), pickRequest())
                : scenario("replay").exec(stopWhenAsked(), feed(listFeeder(plan.feeder()).circular()), pickRequest());
        setUp(users.injectOpen(injection()))
                .protocols(http.baseUrl(plan.baseUrl()).shareConnections().disableWarmUp().disableCaching());
    }

    private static LoadPlan handedOver() {
        LoadPlan plan = PLAN.get();
        if (plan == null) {
            throw new IllegalStateException("ReplaySimulation runs only through GatlingDriver, which hands it a LoadPlan; "
                    + "to run an incident's load from Gatling's own launcher use io.incidentreplay.scenario.gatling.IncidentSimulation");
        }
        return plan;
    }

    @Override
    public void before() {
        plan.onLoadStart().accept(System.currentTimeMillis());
    }

    private ChainBuilder stopWhenAsked() {
        return exec(stopLoadGeneratorIf(session -> plan.stop().reason(), session -> plan.stop().requested()));
    }

    private OpenInjectionStep[] injection() {
        return plan.phases().stream()
                .map(p -> p.isRamp()
                        ? rampUsersPerSec(p.requestsPerSecond()).to(p.toRequestsPerSecond()).during(p.duration())
                        : p.requestsPerSecond() == 0
                                ? nothingFor(p.duration())
                                : constantUsersPerSec(p.requestsPerSecond()).during(p.duration()))
                .toArray(OpenInjectionStep[]::new);
    }

    private ChainBuilder pickRequest() {
        List<RequestSpec> mix = plan.mix();
        if (mix.size() == 1) {
            return recorded(mix.get(0));
        }
        double total = mix.stream().mapToDouble(RequestSpec::weight).sum();
        List<Choice.WithWeight> choices = new ArrayList<>();
        double assigned = 0;
        for (int i = 0; i < mix.size(); i++) {
            // Gatling wants percentages summing to 100; the last request takes the rounding remainder.
            double share = i == mix.size() - 1
                    ? 100.0 - assigned
                    : Math.floor(mix.get(i).weight() / total * 100.0 * 100) / 100;
            assigned += share;
            choices.add(percent(share).then(recorded(mix.get(i))));
        }
        return randomSwitch().on(choices);
    }

    private ChainBuilder recorded(RequestSpec spec) {
        HttpRequestActionBuilder request = http(spec.name()).httpRequest(spec.method(), spec.path());
        if (spec.body() != null) {
            request = request.body(StringBody(spec.body())).asJson();
        }
        if (spec.upload() != null) {
            Upload upload = spec.upload();
            request = request.bodyPart(RawFileBodyPart(upload.field(), UploadFiles.path(upload.file()).toString())
                    .contentType(upload.contentType()).fileName(upload.fileName()));
            for (Map.Entry<String, String> field : upload.form().entrySet()) {
                request = request.bodyPart(StringBodyPart(field.getKey(), field.getValue()));
            }
            request = request.asMultipartForm();
        }
        for (Map.Entry<String, String> header : plan.headersOf(spec).entrySet()) {
            request = request.header(header.getKey(), header.getValue());
        }
        if (plan.requestIdHeader() != null) {
            request = request.header(plan.requestIdHeader(), session -> LogWatch.requestId(session.userId()));
        }
        request = spec.fallbackMarker() == null
                ? request.check(status().saveAs("status"), responseTimeInMillis().saveAs("rt"), status().in(200, 399))
                : request.check(status().saveAs("status"), responseTimeInMillis().saveAs("rt"),
                        regex(spec.fallbackMarker()).count().saveAs("fallbacks"), status().in(200, 399));
        return exec(session -> {
                    long t0 = System.currentTimeMillis();
                    plan.log().begin(session.userId(), spec.name(), t0);
                    return session.set("t0", t0);
                })
                .exec(request)
                .exec(session -> record(spec, session));
    }

    private Session record(RequestSpec spec, Session session) {
        long t0 = session.getLong("t0");
        long now = System.currentTimeMillis();
        Integer status = session.getIntegerWrapper("status");
        Long rt = session.getLongWrapper("rt");
        Integer fallbacks = session.getIntegerWrapper("fallbacks");
        plan.log().end(session.userId(), new RequestRecord(spec.name(), t0,
                status == null || rt == null ? now - t0 : rt,
                status == null ? RequestRecord.NO_RESPONSE : status,
                fallbacks != null && fallbacks > 0));
        return session.removeAll("t0", "status", "rt", "fallbacks");
    }
}
