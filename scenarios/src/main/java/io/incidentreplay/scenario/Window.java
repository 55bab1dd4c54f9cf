package io.incidentreplay.scenario;

/**
 * A named span of the replay in epoch milliseconds, {@code [fromMillis, toMillis)}: a phase such as
 * {@code steady}, {@code fault} or {@code recovery}, or the whole run.
 */
public record Window(String name, long fromMillis, long toMillis) {

    public Window {
        if (toMillis < fromMillis) {
            throw new IllegalArgumentException("window '" + name + "' ends (" + toMillis + ") before it starts (" + fromMillis + ")");
        }
    }

    public boolean contains(long atMillis) {
        return atMillis >= fromMillis && atMillis < toMillis;
    }

    public double seconds() {
        return (toMillis - fromMillis) / 1000.0;
    }
}
