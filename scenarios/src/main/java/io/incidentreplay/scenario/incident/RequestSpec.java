package io.incidentreplay.scenario.incident;

/**
 * One kind of request in the load profile's mix.
 *
 * @param name how the request is reported, e.g. {@code dashboard}
 * @param weight its relative share of the traffic
 * @param method {@code GET} or {@code POST}
 * @param path the path and query sent to the load balancer; {@code #{petId}} is replaced by a pet
 *     of the requesting user's household
 * @param body the JSON body of a POST, or null
 * @param authenticated whether it carries an active user's bearer token
 * @param fallbackMarker a regular expression that, found in the body, marks a degraded answer (e.g.
 *     {@code "(cached|unavailable)":true}), or null when this request has none
 */
public record RequestSpec(String name, double weight, String method, String path, String body, boolean authenticated,
        String fallbackMarker) {

    public RequestSpec {
        if (weight <= 0) {
            throw new IllegalArgumentException("request '" + name + "' needs a weight > 0, but was " + weight);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("request '" + name + "' path must start with '/', but was '" + path + "'");
        }
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("request '" + name + "' method must be GET or POST, but was '" + method + "'");
        }
    }

    public static RequestSpec get(String name, double weight, String path) {
        return new RequestSpec(name, weight, "GET", path, null, true, null);
    }

    /** An authenticated POST with a JSON body: a write whose acknowledgement a replay can check. */
    public static RequestSpec post(String name, double weight, String path, String jsonBody) {
        return new RequestSpec(name, weight, "POST", path, jsonBody, true, null);
    }

    public RequestSpec withFallbackMarker(String marker) {
        return new RequestSpec(name, weight, method, path, body, authenticated, marker);
    }

    public boolean isWrite() {
        return method.equals("POST");
    }
}
