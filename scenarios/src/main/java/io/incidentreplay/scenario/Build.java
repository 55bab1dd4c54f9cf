package io.incidentreplay.scenario;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A build under test, as the replay runs it: a jar it launches, any command line it launches
 * ({@code node server.js}), or the URLs of instances that already run (it launches nothing, and
 * cannot judge what needs the process: its CPU, whether it exited, signals).
 */
public sealed interface Build {

    /** Short, for the report: the jar's file name, the command's first word, the first URL's host and port. */
    String name();

    /** In full, for the result: the jar's path, the command line, or the URLs. */
    String describe();

    record Jar(Path path) implements Build {
        public Jar {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String name() {
            return path.getFileName().toString();
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** @param workingDirectory where it runs; null for the harness's own */
    record Command(List<String> command, Path workingDirectory) implements Build {
        public Command {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("a command build needs an executable, e.g. [node, server.js]");
            }
        }

        @Override
        public String name() {
            return Path.of(command.get(0)).getFileName() + (command.size() > 1 ? " " + command.get(command.size() - 1) : "");
        }

        @Override
        public String describe() {
            return String.join(" ", command) + (workingDirectory == null ? "" : " (in " + workingDirectory + ")");
        }
    }

    record Urls(List<URI> instances) implements Build {
        public Urls {
            instances = List.copyOf(instances);
            if (instances.isEmpty()) {
                throw new IllegalArgumentException("a build at URLs needs at least one instance's URL");
            }
            instances.forEach(u -> {
                if (!"http".equals(u.getScheme()) || u.getHost() == null || u.getPort() < 0) {
                    throw new IllegalArgumentException("an instance's URL must be http://HOST:PORT, but was '" + u + "'");
                }
            });
        }

        @Override
        public String name() {
            return instances.get(0).getHost() + ":" + instances.get(0).getPort() + (instances.size() > 1 ? " +" + (instances.size() - 1) : "");
        }

        @Override
        public String describe() {
            return String.join(", ", instances.stream().map(URI::toString).toList());
        }
    }
}
