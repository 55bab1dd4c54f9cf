package io.incidentreplay.scenario.internal.engine;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.incidentreplay.scenario.Fault;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.scenario.ToxicSpec;
import io.incidentreplay.scenario.internal.measure.Observations;
import io.incidentreplay.scenario.Window;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import io.incidentreplay.scenario.FaultEvent;
import io.incidentreplay.scenario.FaultEvent.Kind;

/**
 * Plays an incident's fault timeline against the running replay, aligned to the start of the load:
 * toxics through the official Toxiproxy client (so a real Toxiproxy is just another URL), outages by
 * disabling a proxy, replacements through the build's {@link Instances}. Every step is recorded as a
 * {@link FaultEvent}, failures included.
 */
final class FaultScheduler implements AutoCloseable {

    private final ToxiproxyClient toxiproxy;
    private final String nameSuffix;
    private final Instances instances;
    private final Function<String, Optional<InetSocketAddress>> proxyAddress;
    private final List<FaultEvent> events = new CopyOnWriteArrayList<>();
    /** The toxics and outages applied: what teardown undoes (every toxic removed, every proxy enabled). */
    private final Set<String> undoneAtTeardown = ConcurrentHashMap.newKeySet();
    private final Consumer<FaultEvent> onEvent;
    private Gate gate = Optional::empty;
    private Consumer<String> onWithheld = why -> { };
    private boolean gateAsked;
    private volatile String withheld;
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "fault-timeline");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param nameSuffix appended to every toxic's name, so that the counters of one replay's toxic are
     *     never mixed with an earlier replay's in the same environment
     * @param proxyAddress where the harness reaches a proxy by name, to prove an outage with a connection
     *     of its own; empty when it cannot (the outage is then not applied, and says why)
     */
    FaultScheduler(ToxiproxyClient toxiproxy, String nameSuffix, Instances instances,
            Function<String, Optional<InetSocketAddress>> proxyAddress, Consumer<FaultEvent> onEvent) {
        this.toxiproxy = toxiproxy;
        this.nameSuffix = nameSuffix;
        this.instances = instances;
        this.proxyAddress = proxyAddress;
        this.onEvent = onEvent;
    }

    /** The console's line for a step of the timeline, e.g. {@code fault applied: latency {latency=3000} on payments (downstream)}. */
    static String line(FaultEvent event) {
        return "fault " + event.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + event.fault()
                + (event.detail().isEmpty() ? "" : " — " + event.detail());
    }

    /** The build's instances, as a replacement fault needs them. */
    interface Instances {
        /** How many instances the build has. */
        int count();

        /**
         * Stops instance {@code index} and returns once its successor is as far as {@code successor}
         * says: healthy, started and registered, or (a scale-in) none at all.
         *
         * @param killAfter real time from SIGTERM to SIGKILL
         * @return what each step did, in words
         * @throws Exception naming the step that did not happen
         */
        String replace(int index, Duration killAfter, Fault.Successor successor) throws Exception;
    }

    /** Instances the timeline cannot touch (a build at URLs, a game day's service): a replacement fails, saying why. */
    static Instances untouchable(String why) {
        return new Instances() {
            @Override
            public int count() {
                return 0;
            }

            @Override
            public String replace(int index, Duration killAfter, Fault.Successor successor) {
                throw new ReplayException(why);
            }
        };
    }

    /**
     * What must hold before a gated fault is applied: asked once, when the first gated fault is due.
     * Empty means steady; otherwise why not, and no gated fault is applied.
     */
    interface Gate {
        Optional<String> check();
    }

    /**
     * Schedules every fault at the start (and a toxic's removal at the end) of its phase's planned
     * window. A fault in one of the {@code gatedPhases} is applied only if the gate, asked once when
     * the first of them is due, finds the system steady; otherwise it is withheld and recorded so.
     */
    void start(List<Fault> faults, Map<String, Window> plannedWindows, TimeScale scale, Set<String> gatedPhases, Gate gate,
            Consumer<String> onWithheld) {
        this.gate = gate;
        this.onWithheld = onWithheld;
        for (Fault fault : faults) {
            Window phase = plannedWindows.get(fault.phase());
            boolean gated = gatedPhases.contains(fault.phase());
            if (fault instanceof Fault.Toxic toxic) {
                at(phase.fromMillis(), () -> {
                    if (mayApply(gated, key(toxic), describe(toxic, scale))) {
                        apply(toxic, scale);
                    }
                });
                if (!fault.phase().equals(Observations.RUN)) { // a toxic on the whole run comes off in teardown
                    at(phase.toMillis(), () -> {
                        if (!gated || withheld == null) {
                            remove(toxic, scale);
                        }
                    });
                }
            } else if (fault instanceof Fault.Outage outage) {
                at(phase.fromMillis(), () -> {
                    if (mayApply(gated, key(outage), describe(outage))) {
                        takeDown(outage);
                    }
                });
                at(phase.toMillis(), () -> {
                    if (!gated || withheld == null) {
                        bringBack(outage);
                    }
                });
            } else if (fault instanceof Fault.Replace replace) {
                at(phase.fromMillis(), () -> replaceInTurn(replace, gated, scale));
            }
        }
    }

    /** Runs on the timeline's single thread, so the gate is asked exactly once. */
    private boolean mayApply(boolean gated, String key, String what) {
        if (!gated) {
            return true;
        }
        if (!gateAsked) {
            gateAsked = true;
            withheld = gate.check().orElse(null);
            if (withheld != null) {
                record(key, what, Kind.WITHHELD, withheld); // recorded before the load is told to stop
                onWithheld.accept(withheld);
                return false;
            }
        }
        if (withheld != null) {
            record(key, what, Kind.WITHHELD, withheld);
            return false;
        }
        return true;
    }

    /** Teardown took every toxic off and enabled every proxy: each one still applied is recorded as removed now. */
    void removedAtTeardown() {
        List<FaultEvent> applied = events.stream().filter(e -> e.kind() == Kind.APPLIED && undoneAtTeardown.contains(e.key())).toList();
        for (FaultEvent e : applied) {
            if (events.stream().noneMatch(r -> r.is(e.key(), Kind.REMOVED))) {
                events.add(new FaultEvent(System.currentTimeMillis(), e.key(), e.fault(), Kind.REMOVED, ""));
            }
        }
    }

    /** What the engine matches a fault's events by: its toxic's proxy and name, or the outage and its phase. */
    static String key(Fault fault) {
        if (fault instanceof Fault.Toxic toxic) {
            return toxic.proxy() + "/" + toxic.name();
        }
        if (fault instanceof Fault.Outage outage) {
            return describe(outage) + " in " + outage.phase();
        }
        return fault.toString();
    }

    /** A replacement's events are per instance: each one is proven on its own. */
    static String key(Fault.Replace replace, int index) {
        return describe(replace, index) + " in " + replace.phase();
    }

    static String describe(Fault.Replace replace, int index) {
        return replace.describe(index);
    }

    /** Why the gated faults were withheld, or empty when they were applied (or not due yet). */
    Optional<String> withheld() {
        return Optional.ofNullable(withheld);
    }

    /** The name the toxic of this fault has on its proxy during this replay. */
    String toxicName(Fault.Toxic fault) {
        return fault.name() + nameSuffix;
    }

    List<FaultEvent> events() {
        return List.copyOf(events);
    }

    private void at(long epochMillis, Runnable step) {
        long delay = Math.max(0, epochMillis - System.currentTimeMillis());
        scheduler.schedule(step, delay, TimeUnit.MILLISECONDS);
    }

    private void apply(Fault.Toxic fault, TimeScale scale) {
        String what = describe(fault, scale);
        Optional<String> unsafe = fault.toxic().problem();
        if (unsafe.isPresent()) { // never sent: a real Toxiproxy may crash on it, with every proxy it serves
            record(fault, what, Kind.FAILED, "refused before it was sent: " + unsafe.get());
            return;
        }
        try {
            Proxy proxy = toxiproxy.getProxy(fault.proxy());
            Toxic toxic = create(proxy, toxicName(fault), fault.toxic(), scale);
            if (fault.toxic().toxicity() < 1f) {
                toxic.setToxicity(fault.toxic().toxicity());
            }
            undoneAtTeardown.add(key(fault));
            record(fault, what, Kind.APPLIED, "");
        } catch (IOException | RuntimeException e) {
            record(fault, what, Kind.FAILED, e.getMessage() + withdrawLeftover(fault));
        }
    }

    /**
     * After a failed create or update, what the server kept: a real Toxiproxy can answer an update
     * with 400 and still have changed some attributes, and a toxic created before a failed update is
     * on the proxy with only some of them. Half a fault is never left on a proxy others may share: the
     * toxic is re-read and, if it is there, removed.
     */
    private String withdrawLeftover(Fault.Toxic fault) {
        String name = toxicName(fault);
        try {
            for (Toxic kept : toxiproxy.getProxy(fault.proxy()).toxics().getAll()) {
                if (kept.getName().equals(name)) {
                    kept.remove();
                    return "; the server had kept toxic " + name + " after the error, and it was removed";
                }
            }
            return "";
        } catch (IOException | RuntimeException again) {
            return "; whether the server kept toxic " + name + " could not be read (" + again.getMessage()
                    + "): check the proxy " + fault.proxy() + " by hand";
        }
    }

    private void remove(Fault.Toxic fault, TimeScale scale) {
        String what = describe(fault, scale);
        try {
            toxiproxy.getProxy(fault.proxy()).toxics().get(toxicName(fault)).remove();
            record(fault, what, Kind.REMOVED, "");
        } catch (IOException | RuntimeException e) {
            record(fault, what, Kind.FAILED_TO_REMOVE, e.getMessage());
        }
    }

    static String describe(Fault.Outage outage) {
        return "outage of " + outage.proxy();
    }

    /** Disables the proxy, then proves it: a connection of the harness's own must be refused. */
    private void takeDown(Fault.Outage outage) {
        String what = describe(outage);
        Optional<InetSocketAddress> address = proxyAddress.apply(outage.proxy());
        if (address.isEmpty()) {
            record(outage, what, Kind.FAILED, "the harness cannot reach proxy " + outage.proxy() + " to prove the outage");
            return;
        }
        try {
            toxiproxy.getProxy(outage.proxy()).disable();
            Optional<String> notAccepted = connects(address.get());
            if (notAccepted.isEmpty()) {
                record(outage, what, Kind.FAILED, "disabled, but " + hostPort(address.get()) + " still accepted a connection");
                return;
            }
            undoneAtTeardown.add(key(outage));
            record(outage, what, Kind.APPLIED, "a connection to " + hostPort(address.get()) + ": " + notAccepted.get());
        } catch (IOException | RuntimeException e) {
            record(outage, what, Kind.FAILED, e.getMessage());
        }
    }

    /** Enables the proxy again, then proves it: a connection of the harness's own must be accepted. */
    private void bringBack(Fault.Outage outage) {
        String what = describe(outage);
        Optional<InetSocketAddress> address = proxyAddress.apply(outage.proxy());
        try {
            toxiproxy.getProxy(outage.proxy()).enable();
            Optional<String> refused = address.flatMap(a -> connects(a).isEmpty() ? Optional.empty() : Optional.of(hostPort(a)));
            if (refused.isPresent()) {
                record(outage, what, Kind.FAILED_TO_REMOVE, "enabled, but " + refused.get() + " still refuses connections");
                return;
            }
            record(outage, what, Kind.REMOVED, "");
        } catch (IOException | RuntimeException e) {
            record(outage, what, Kind.FAILED_TO_REMOVE, e.getMessage());
        }
    }

    /** Empty when a connection to the address was accepted; else why not (refused, timed out). */
    private static Optional<String> connects(InetSocketAddress address) {
        try (Socket canary = new Socket()) {
            canary.connect(address, 1_000);
            return Optional.empty();
        } catch (ConnectException refused) {
            return Optional.of("refused");
        } catch (IOException other) {
            return Optional.of(other.toString());
        }
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    /**
     * One instance after the other, each healthy again before the next is touched, as a rolling
     * deploy goes; the rest are not touched once one fails (a deploy stops there too).
     */
    private void replaceInTurn(Fault.Replace replace, boolean gated, TimeScale scale) {
        List<Integer> indexes = replace.of(instances.count());
        if (indexes.isEmpty()) {
            record(key(replace, 0), describe(replace, 0), Kind.FAILED, "the build has no instance the replay can replace");
            return;
        }
        for (int position = 0; position < indexes.size(); position++) {
            int index = indexes.get(position);
            String key = key(replace, index);
            if (!mayApply(gated, key, describe(replace, index))) {
                continue;
            }
            try {
                record(key, describe(replace, index), Kind.APPLIED, instances.replace(index, scale.apply(replace.killAfter()),
                        replace.successor()));
            } catch (Exception e) {
                record(key, describe(replace, index), Kind.FAILED, e.getMessage());
                for (int next : indexes.subList(position + 1, indexes.size())) {
                    record(key(replace, next), describe(replace, next), Kind.FAILED,
                            "not replaced: the replacement of instance " + index + " failed before it");
                }
                return;
            }
        }
    }

    private static Toxic create(Proxy proxy, String name, ToxicSpec spec, TimeScale scale) throws IOException {
        ToxicDirection stream = ToxicDirection.valueOf(spec.stream().toUpperCase(Locale.ROOT));
        Map<String, Long> a = spec.scaledAttributes(scale);
        return switch (spec.type()) {
            case "latency" -> {
                var latency = proxy.toxics().latency(name, stream, a.getOrDefault("latency", 0L));
                long jitter = a.getOrDefault("jitter", 0L);
                yield jitter == 0 ? latency : latency.setJitter(jitter); // each update rewires every live link
            }
            case "timeout" -> proxy.toxics().timeout(name, stream, a.getOrDefault("timeout", 0L));
            case "bandwidth" -> proxy.toxics().bandwidth(name, stream, a.getOrDefault("rate", 0L));
            case "slow_close" -> proxy.toxics().slowClose(name, stream, a.getOrDefault("delay", 0L));
            case "reset_peer" -> proxy.toxics().resetPeer(name, stream, a.getOrDefault("timeout", 0L));
            case "slicer" -> proxy.toxics().slicer(name, stream, a.getOrDefault("average_size", 0L),
                    a.getOrDefault("delay", 0L));
            case "limit_data" -> proxy.toxics().limitData(name, stream, a.getOrDefault("bytes", 0L));
            default -> throw new IllegalArgumentException("unknown toxic type " + spec.type());
        };
    }

    static String describe(Fault.Toxic fault, TimeScale scale) {
        return fault.toxic().type() + " " + fault.toxic().scaledAttributes(scale) + " on " + fault.proxy()
                + " (" + fault.toxic().stream() + ")";
    }

    private void record(Fault fault, String what, Kind kind, String detail) {
        record(key(fault), what, kind, detail);
    }

    private void record(String key, String what, Kind kind, String detail) {
        FaultEvent event = new FaultEvent(System.currentTimeMillis(), key, what, kind, detail);
        events.add(event);
        onEvent.accept(event);
    }

    @Override
    /**
     * Lets a step that is running finish (a toxic half applied or removed would be recorded as a
     * failure of the fault, not of the teardown), drops the steps not yet due, then stops.
     */
    public void close() {
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
