package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.fixtures.environment.launch.BuildInstance;
import java.net.URI;
import java.util.Optional;

/**
 * One instance of the build under test, whether the replay launched it or found it running at a
 * URL: where to send requests and scrape metrics (the server; the probes add the metrics path), and
 * its process when the replay has one.
 *
 * @param process the launched process, or null for an instance at a URL
 */
record Instance(String name, URI baseUrl, URI metricsUrl, BuildInstance process) {

    /** {@code host:port}, as the load balancer registers it. */
    String target() {
        return baseUrl.getHost() + ":" + baseUrl.getPort();
    }

    Optional<BuildInstance> launched() {
        return Optional.ofNullable(process);
    }
}
