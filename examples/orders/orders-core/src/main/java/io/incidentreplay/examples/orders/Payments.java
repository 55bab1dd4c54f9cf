package io.incidentreplay.examples.orders;

import java.util.Map;

/** The payments service, as the orders service calls it: one build calls it naively, the other defensively. */
public interface Payments {

    /** The payment of an order, as the payments service reports it, e.g. {@code {"status": "captured"}}. */
    Map<String, Object> paymentOf(long orderId);
}
