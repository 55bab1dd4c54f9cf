package io.incidentreplay.scenario.internal.load;

import io.incidentreplay.fixtures.loadbalancer.AccessLogEntry;
import io.incidentreplay.fixtures.loadbalancer.LoadBalancerListener;
import io.incidentreplay.scenario.RequestSpec;
import io.incidentreplay.scenario.internal.measure.RequestLog;
import io.incidentreplay.scenario.internal.measure.RequestRecord;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-request records of a load the harness does not send itself (a Gatling simulation of the
 * user's own), read from the load balancer's access log while it is open. Each request is named by
 * the first request of the mix with its method and a path that matches; the others are counted,
 * not recorded. The first one to complete starts the fault timeline (the log has no earlier
 * moment), at the time it arrived: a simulation's own start-up takes a
 * varying second or two, and the timeline is about the traffic, not about Gatling.
 *
 * <p>What differs from the harness's own records: the latency is the load balancer's (until the
 * response headers), a client that gave up is not seen (the request ends when the target or the
 * load balancer answers), and no body is read, so no fallback either.
 */
public final class AccessLogRecords implements LoadBalancerListener, AutoCloseable {

    private record Route(String name, String method, Pattern path, boolean withQuery) {}

    private static final Pattern FIELD = Pattern.compile("#\\{[^}]*}");

    private final List<Route> routes;
    private final RequestLog log;
    private final LongConsumer onFirstRequest;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicLong unnamed = new AtomicLong();
    private volatile boolean open = true;
    private volatile RuntimeException startFailure;

    public AccessLogRecords(List<RequestSpec> mix, RequestLog log, LongConsumer onFirstRequest) {
        this.routes = mix.stream().map(AccessLogRecords::route).toList();
        this.log = log;
        this.onFirstRequest = onFirstRequest;
    }

    private static Route route(RequestSpec request) {
        String path = request.path();
        StringBuilder regex = new StringBuilder();
        Matcher field = FIELD.matcher(path);
        int last = 0;
        while (field.find()) {
            regex.append(Pattern.quote(path.substring(last, field.start()))).append("[^/?&=]+");
            last = field.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        return new Route(request.name(), request.method(), Pattern.compile(regex.toString()), path.contains("?"));
    }

    @Override
    public void onRequest(AccessLogEntry entry) {
        if (!open) {
            return;
        }
        long start = entry.start().toEpochMilli();
        if (started.compareAndSet(false, true)) {
            try {
                onFirstRequest.accept(start);
            } catch (RuntimeException e) { // on a load-balancer thread, whose journal would only log it
                startFailure = e;
            }
        }
        Optional<String> name = nameOf(entry.method(), entry.pathAndQuery());
        if (name.isEmpty()) {
            unnamed.incrementAndGet();
            return;
        }
        log.add(new RequestRecord(name.get(), start, entry.latency().toMillis(), entry.status(), false));
    }

    /** The name of the mix's first request this one matches; a request without a query in the mix matches any query. */
    Optional<String> nameOf(String method, String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        return routes.stream()
                .filter(r -> r.method().equals(method) && r.path().matcher(r.withQuery() ? pathAndQuery : path).matches())
                .map(Route::name)
                .findFirst();
    }

    /** Whether any request came through while open: a simulation that sent nothing to the load balancer sent it elsewhere. */
    public boolean sawRequests() {
        return started.get();
    }

    /** Why the fault timeline did not start on the first request, if it did not. */
    public Optional<RuntimeException> startFailure() {
        return Optional.ofNullable(startFailure);
    }

    /** The requests that matched no request of the mix, and so count in no expectation. */
    public long unnamed() {
        return unnamed.get();
    }

    /** Stops recording (the load balancer has no way to remove a listener). */
    @Override
    public void close() {
        open = false;
    }
}
