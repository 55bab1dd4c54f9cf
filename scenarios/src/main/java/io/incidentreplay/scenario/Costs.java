package io.incidentreplay.scenario;

import java.util.Objects;

/**
 * The figures a replay turns its measurements into a monthly bill with, each with the line of the
 * post-mortem (or the price list) it comes from, so that a reader can check it and a user can put in
 * their own: the production traffic the measured per-request cost is projected to, and the price of
 * what it costs. A month is 30 days; a GB is 2^30 bytes, as AWS bills data.
 *
 * @param requestsPerSecond production traffic, e.g. the seed's 1,200 req/s
 * @param trafficSource where that rate comes from
 * @param logIngestionUsdPerGb the price of ingesting a GB of logs, e.g. CloudWatch Logs' $0.50
 * @param logIngestionSource where that price comes from
 */
public record Costs(double requestsPerSecond, String trafficSource, double logIngestionUsdPerGb, String logIngestionSource) {

    public static final double SECONDS_PER_MONTH = 30 * 24 * 3600;
    public static final double BYTES_PER_GB = 1L << 30;

    public Costs {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("costs.traffic.rate must be more than 0 requests per second, not " + requestsPerSecond);
        }
        if (!(logIngestionUsdPerGb >= 0)) {
            throw new IllegalArgumentException("costs.logIngestion.usdPerGB must be 0 or more, not " + logIngestionUsdPerGb);
        }
        Objects.requireNonNull(trafficSource, "trafficSource");
        Objects.requireNonNull(logIngestionSource, "logIngestionSource");
    }

    /** Requests in a month at the production rate. */
    public double requestsPerMonth() {
        return requestsPerSecond * SECONDS_PER_MONTH;
    }

    /** GB of logs a month at the production rate, for this many bytes per request. */
    public double logGbPerMonth(double bytesPerRequest) {
        return bytesPerRequest * requestsPerMonth() / BYTES_PER_GB;
    }

    /** Dollars a month of log ingestion, for this many bytes per request. */
    public double logUsdPerMonth(double bytesPerRequest) {
        return logGbPerMonth(bytesPerRequest) * logIngestionUsdPerGb;
    }
}
