package io.incidentreplay.scenario;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One kind of request in the load profile's mix.
 *
 * @param name how the request is reported, e.g. {@code checkout}
 * @param weight its relative share of the traffic
 * @param method {@code GET}, {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} or {@code HEAD}
 * @param path the path and query sent to the load balancer; {@code #{field}} is a field of the
 *     load's feeder (see {@link Auth}), e.g. {@code /api/v1/orders/#{orderId}/items}
 * @param headers headers of its own (values may use {@code #{field}} too)
 * @param body the body (sent as JSON), or null
 * @param authenticated whether it carries the incident's {@link Auth} headers
 * @param fallbackMarker a regular expression that, found in the body, marks a degraded answer (e.g.
 *     {@code "(cached|unavailable)":true}), or null when this request has none
 * @param upload the file it sends as a multipart form, or null; a request has a body or an upload
 */
public record RequestSpec(String name, double weight, String method, String path, Map<String, String> headers, String body,
        boolean authenticated, String fallbackMarker, Upload upload) {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    public RequestSpec {
        if (weight <= 0) {
            throw new IllegalArgumentException("request '" + name + "' needs a weight > 0, but was " + weight);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("request '" + name + "' path must start with '/', but was '" + path + "'");
        }
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("request '" + name + "' method must be one of " + new TreeSet<>(METHODS)
                    + ", but was '" + method + "'");
        }
        headers = Map.copyOf(headers);
        if (upload != null && body != null) {
            throw new IllegalArgumentException("request '" + name + "' has a body and an upload; a multipart form is one body: "
                    + "put the text in upload.form");
        }
        if (upload != null && !method.equals("POST") && !method.equals("PUT")) {
            throw new IllegalArgumentException("request '" + name + "' uploads a file, so its method is POST or PUT, not " + method);
        }
    }

    public RequestSpec(String name, double weight, String method, String path, Map<String, String> headers, String body,
            boolean authenticated, String fallbackMarker) {
        this(name, weight, method, path, headers, body, authenticated, fallbackMarker, null);
    }

    public static RequestSpec get(String name, double weight, String path) {
        return new RequestSpec(name, weight, "GET", path, Map.of(), null, true, null);
    }

    /** An authenticated POST with a JSON body: a write whose acknowledgement a replay can check. */
    public static RequestSpec post(String name, double weight, String path, String jsonBody) {
        return new RequestSpec(name, weight, "POST", path, Map.of(), jsonBody, true, null);
    }

    /** The same request with {@code common} headers under its own: a header of its own wins, whatever its case. */
    public RequestSpec withHeadersUnder(Map<String, String> common) {
        if (common.isEmpty()) {
            return this;
        }
        Map<String, String> all = new java.util.LinkedHashMap<>();
        common.forEach((name, value) -> {
            if (headers.keySet().stream().noneMatch(own -> own.equalsIgnoreCase(name))) {
                all.put(name, value);
            }
        });
        all.putAll(headers);
        return new RequestSpec(name, weight, method, path, all, body, authenticated, fallbackMarker, upload);
    }

    public RequestSpec withFallbackMarker(String marker) {
        return new RequestSpec(name, weight, method, path, headers, body, authenticated, marker, upload);
    }

    /** Anything but a read: never sent while warming (an incident may count the rows its writes left). */
    public boolean isWrite() {
        return !method.equals("GET") && !method.equals("HEAD");
    }
}
