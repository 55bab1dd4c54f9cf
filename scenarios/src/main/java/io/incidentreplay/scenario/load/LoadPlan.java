package io.incidentreplay.scenario.load;

import io.incidentreplay.scenario.incident.Phase;
import io.incidentreplay.scenario.incident.RequestSpec;
import io.incidentreplay.scenario.measure.RequestLog;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * What the load driver sends, already in real (scaled) time: the phases, the request mix, the
 * bearer tokens of the dataset's active users, where to send it, and where to record it.
 *
 * @param baseUrl the load balancer, e.g. {@code http://127.0.0.1:41234}
 * @param phases each phase with its scaled duration
 * @param mix the requests, drawn by weight
 * @param tokens the active users, used round robin by authenticated requests
 * @param requestTimeout how long the client waits for an answer before recording no-response
 * @param log where every request is recorded
 * @param onLoadStart told the epoch millisecond the first phase starts, to align the fault timeline
 * @param stop asked to end the load early
 */
public record LoadPlan(
        String baseUrl,
        List<Phase> phases,
        List<RequestSpec> mix,
        List<User> tokens,
        Duration requestTimeout,
        RequestLog log,
        LongConsumer onLoadStart,
        LoadStop stop) {

    public LoadPlan {
        phases = List.copyOf(phases);
        mix = List.copyOf(mix);
        tokens = List.copyOf(tokens);
        if (mix.stream().anyMatch(RequestSpec::authenticated) && tokens.isEmpty()) {
            throw new IllegalArgumentException("the mix has authenticated requests but the dataset gave no tokens; "
                    + "seed users with api_tokens first");
        }
    }

    /** An active user of the dataset: a bearer token and a pet of the user's household. */
    public record User(String token, long petId) {}
}
