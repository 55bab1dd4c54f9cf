package io.incidentreplay.petforce.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;

/** The third-party weather API for tests (WireMock on a free port). */
public final class WeatherStub implements AutoCloseable {

    public static final String OBSERVATION = """
            {"location":{"zip":"94107","city":"San Francisco"},"observation":{"temperatureF":61.2,\
            "conditions":"Fog","humidity":82,"windMph":9.4,"observedAt":"2026-11-23T10:00:00Z"}}""";

    private final WireMockServer server = new WireMockServer(options().dynamicPort().asynchronousResponseEnabled(true));

    public static WeatherStub start() {
        WeatherStub stub = new WeatherStub();
        stub.server.start();
        return stub;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Every zip answers {@link #OBSERVATION} at once. */
    public WeatherStub answering() {
        return answering(Duration.ZERO);
    }

    /** Every zip answers {@link #OBSERVATION} after {@code delay}. */
    public WeatherStub answering(Duration delay) {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/v1/location/94107/observations.json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(OBSERVATION)
                        .withFixedDelay((int) delay.toMillis())));
        return this;
    }

    /** The WS3 vendor incident: the API accepts the request and never answers within any test's bound. */
    public WeatherStub stalled() {
        server.resetAll();
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(120_000)));
        return this;
    }

    public int requestsReceived() {
        return server.findAll(anyRequestedFor(anyUrl())).size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
