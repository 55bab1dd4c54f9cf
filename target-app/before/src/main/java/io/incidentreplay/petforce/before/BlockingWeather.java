package io.incidentreplay.petforce.before;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentreplay.petforce.core.WeatherApi;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * WS3's disaster call (seed S0 1877–1880): {@code await fetch(url)} with no timeout, no retry, no
 * breaker, no fallback. While the weather API stalls, so does every dashboard request, and the
 * request thread with it. A6's caller is the same call with a timeout far above the dependency's
 * usual answer (the seed's 30 s): a dependency that slows to 5 s never reaches it, and the request
 * threads fill up all the same.
 */
final class BlockingWeather {

    private final WeatherApi api;
    private final Duration timeout;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** @param timeout zero for none */
    BlockingWeather(WeatherApi api, Duration timeout) {
        this.api = api;
        this.timeout = timeout;
    }

    ObjectNode observationFor(String zipCode) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.observationsUri(zipCode)).GET();
        if (!timeout.isZero()) {
            request.timeout(timeout);
        }
        return WeatherApi.parse(zipCode, client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }
}
