package io.incidentreplay.petforce.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The third-party weather API's contract: {@code GET {base}/v1/location/{zip}/observations.json?apiKey=..}
 * answering a JSON object. How it is called (blocking, or with timeout, retry and breaker) is
 * each build's business.
 */
public final class WeatherApi {

    private final String baseUrl;
    private final String apiKey;

    public WeatherApi(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** The request URI. It carries the API key: never log it. */
    public URI observationsUri(String zipCode) {
        return URI.create(baseUrl + "/v1/location/" + URLEncoder.encode(zipCode.trim(), StandardCharsets.UTF_8)
                + "/observations.json?apiKey=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
    }

    /** The observation as a JSON object; the message names the zip code, never the URI with its key. */
    public static ObjectNode parse(String zipCode, HttpResponse<byte[]> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("weather API answered " + response.statusCode() + " for zip " + zipCode);
        }
        JsonNode body = Json.MAPPER.readTree(response.body());
        if (body == null || !body.isObject()) {
            throw new IOException("weather API answered something other than a JSON object for zip " + zipCode);
        }
        return (ObjectNode) body;
    }
}
