package io.incidentreplay.petforce.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A build jar run as a real process ({@code java -jar}), for the SIGTERM tests. */
public final class ChildProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("PetForce (before|after) listening on port (\\d+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private volatile int port = -1;

    private ChildProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildProcess start(Path jar, Map<String, String> env) throws IOException {
        return start(jar, List.of("-Xmx256m"), env);
    }

    public static ChildProcess start(Path jar, List<String> jvmArgs, Map<String, String> env) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: the SIGTERM tests run after 'package' (mvn verify)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new ChildProcess(builder.start());
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(2));
                }
            }
        } catch (IOException closed) {
            // the process ended
        }
    }

    /** The port from the "listening" line, or -1 before it was printed. */
    public int port() {
        return port;
    }

    public List<String> output() {
        return output;
    }

    public Process process() {
        return process;
    }

    /**
     * SIGTERM, as ECS and Kubernetes send it. Through the process handle: {@code Process.destroy()}
     * would also close our end of the child's stdout, losing what it logs while it shuts down.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
