package io.incidentreplay.petforce.core;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A plain HTTP client for one running build, with a bound on every request. */
public final class ApiClient {

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public ApiClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path, String token, Duration bound) throws IOException, InterruptedException {
        return get(path, token, Map.of(), bound);
    }

    /** A GET with extra request headers, e.g. {@code X-Request-Id}. */
    public HttpResponse<String> get(String path, String token, Map<String, String> headers, Duration bound)
            throws IOException, InterruptedException {
        return client.send(request(path, token, headers, bound).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public CompletableFuture<HttpResponse<String>> getAsync(String path, String token, Duration bound) {
        return client.sendAsync(request(path, token, Map.of(), bound).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String token, String json, Duration bound)
            throws IOException, InterruptedException {
        return post(path, token, Map.of(), json, bound);
    }

    /** A POST of {@code json} (sent as {@code application/json}, valid or not) with extra request headers. */
    public HttpResponse<String> post(String path, String token, Map<String, String> headers, String json, Duration bound)
            throws IOException, InterruptedException {
        return client.send(request(path, token, headers, bound).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token, Map<String, String> headers, Duration bound) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(bound);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }
}
