package io.incidentreplay.petforce.before;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentreplay.petforce.core.WeatherApi;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * WS3's disaster call (seed S0 1877–1880): {@code await fetch(url)} with no timeout, no retry, no
 * breaker, no fallback. While the weather API stalls, so does every dashboard request, and the
 * request thread with it.
 */
final class BlockingWeather {

    private final WeatherApi api;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    BlockingWeather(WeatherApi api) {
        this.api = api;
    }

    ObjectNode observationFor(String zipCode) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(api.observationsUri(zipCode)).GET().build();
        return WeatherApi.parse(zipCode, client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }
}
