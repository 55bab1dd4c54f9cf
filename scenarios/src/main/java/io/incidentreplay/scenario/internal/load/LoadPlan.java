package io.incidentreplay.scenario.internal.load;

import io.incidentreplay.scenario.Phase;
import io.incidentreplay.scenario.RequestSpec;
import io.incidentreplay.scenario.internal.measure.RequestLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * What the load driver sends, already in real (scaled) time: the phases, the request mix, the
 * bearer tokens of the dataset's active users, where to send it, and where to record it.
 *
 * @param baseUrl the load balancer, e.g. {@code http://127.0.0.1:41234}
 * @param phases each phase with its scaled duration
 * @param mix the requests, drawn by weight
 * @param feeder the records the load draws from in turn, one per virtual user ({@code #{field}} in
 *     paths, headers and bodies); empty for none
 * @param authHeaders the headers every authenticated request of the mix carries
 * @param requestTimeout how long the client waits for an answer before recording no-response
 * @param log where every request is recorded
 * @param onLoadStart told the epoch millisecond the first phase starts, to align the fault timeline
 * @param stop asked to end the load early
 * @param requestIdHeader the header in which every request carries its own id
 *     ({@link io.incidentreplay.scenario.LogWatch#requestId}), or null for none
 */
public record LoadPlan(
        String baseUrl,
        List<Phase> phases,
        List<RequestSpec> mix,
        List<Map<String, Object>> feeder,
        Map<String, String> authHeaders,
        Duration requestTimeout,
        RequestLog log,
        LongConsumer onLoadStart,
        LoadStop stop,
        String requestIdHeader) {

    public LoadPlan {
        phases = List.copyOf(phases);
        mix = List.copyOf(mix);
        feeder = List.copyOf(feeder);
        Map<String, String> headers = Map.copyOf(authHeaders);
        authHeaders = headers;
        boolean needsFields = mix.stream().anyMatch(r -> usesFields(r) || r.authenticated() && headers.values().stream()
                .anyMatch(v -> v.contains("#{")));
        if (needsFields && feeder.isEmpty()) {
            throw new IllegalArgumentException("the mix uses #{...} fields but the feeder gave no records: the auth "
                    + "query returned no rows, or the CSV file has none");
        }
    }

    /** A plan whose requests carry no id of their own. */
    public LoadPlan(String baseUrl, List<Phase> phases, List<RequestSpec> mix, List<Map<String, Object>> feeder,
            Map<String, String> authHeaders, Duration requestTimeout, RequestLog log, LongConsumer onLoadStart, LoadStop stop) {
        this(baseUrl, phases, mix, feeder, authHeaders, requestTimeout, log, onLoadStart, stop, null);
    }

    private static boolean usesFields(RequestSpec r) {
        return r.path().contains("#{") || (r.body() != null && r.body().contains("#{"))
                || r.headers().values().stream().anyMatch(v -> v.contains("#{"))
                || r.upload() != null && r.upload().form().values().stream().anyMatch(v -> v.contains("#{"));
    }

    /** The headers of one request: its own, and the auth headers if it is authenticated. */
    public Map<String, String> headersOf(RequestSpec request) {
        Map<String, String> all = new LinkedHashMap<>(request.headers());
        if (request.authenticated()) {
            all.putAll(authHeaders);
        }
        return all;
    }
}
