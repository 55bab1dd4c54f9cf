package io.incidentreplay.scenario.internal.probe;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The probes' HTTP calls, each on a reused thread of one pool. Not the JDK client's {@code sendAsync}: it
 * hands every response to CompletableFuture's default executor, which starts a new thread per task on a
 * machine with fewer than three cores, as a replay's two-core machine is (issue 18).
 */
final class ProbeCalls {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "probe-call-" + THREADS.incrementAndGet());
        thread.setDaemon(true); // idle ones end after a minute; none keeps the JVM alive
        return thread;
    });

    private ProbeCalls() {
    }

    /** @return the response, or a future failed with the call's exception (a timeout is an HttpTimeoutException) */
    static <T> CompletableFuture<HttpResponse<T>> send(HttpClient client, HttpRequest request,
            HttpResponse.BodyHandler<T> body) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.send(request, body);
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, POOL);
    }
}
