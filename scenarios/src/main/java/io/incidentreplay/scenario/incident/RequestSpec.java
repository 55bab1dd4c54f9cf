package io.incidentreplay.scenario.incident;

/**
 * One kind of request in the load profile's mix.
 *
 * @param name how the request is reported, e.g. {@code dashboard}
 * @param weight its relative share of the traffic
 * @param path the path and query sent to the load balancer, e.g. {@code /api/v1/pets?page=1&limit=20}
 * @param authenticated whether it carries an active user's bearer token
 * @param fallbackMarker a regular expression that, found in the body, marks a degraded answer (e.g.
 *     {@code "(cached|unavailable)":true}), or null when this request has none
 */
public record RequestSpec(String name, double weight, String path, boolean authenticated, String fallbackMarker) {

    public RequestSpec {
        if (weight <= 0) {
            throw new IllegalArgumentException("request '" + name + "' needs a weight > 0, but was " + weight);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("request '" + name + "' path must start with '/', but was '" + path + "'");
        }
    }

    public static RequestSpec get(String name, double weight, String path) {
        return new RequestSpec(name, weight, path, true, null);
    }

    public RequestSpec withFallbackMarker(String marker) {
        return new RequestSpec(name, weight, path, authenticated, marker);
    }
}
