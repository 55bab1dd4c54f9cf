package io.incidentreplay.scenario;

import java.util.Objects;

/**
 * The figures a replay turns the bytes its build stored per upload into a monthly storage bill
 * with, each with its source line: how many uploads production's bucket holds, and the price of a
 * GB-month. A GB is 2^30 bytes, as AWS bills storage.
 *
 * @param uploads the uploads production's bucket holds, e.g. the seed's 7.8 TB of 12.4 MB photos
 * @param uploadsSource where that number comes from
 * @param usdPerGbMonth the price of storing a GB for a month, e.g. S3 Standard's $0.023
 * @param priceSource where that price comes from
 */
public record StorageCosts(double uploads, String uploadsSource, double usdPerGbMonth, String priceSource) {

    public StorageCosts {
        if (!(uploads > 0)) {
            throw new IllegalArgumentException("costs.storedUploads.count must be more than 0, not " + uploads);
        }
        if (!(usdPerGbMonth >= 0)) {
            throw new IllegalArgumentException("costs.storage.usdPerGBMonth must be 0 or more, not " + usdPerGbMonth);
        }
        Objects.requireNonNull(uploadsSource, "uploadsSource");
        Objects.requireNonNull(priceSource, "priceSource");
    }

    /** GB stored for this many bytes per upload. */
    public double storedGb(double bytesPerUpload) {
        return bytesPerUpload * uploads / Costs.BYTES_PER_GB;
    }

    /** Dollars a month for this many bytes per upload. */
    public double usdPerMonth(double bytesPerUpload) {
        return storedGb(bytesPerUpload) * usdPerGbMonth;
    }
}
