package io.incidentreplay.seed.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A content hash of the schema migrations on the classpath: file names and bytes, in name order.
 * Any edited, added or removed migration changes it, which is what makes a cached template stale.
 * Works for migrations in a directory (IDE, {@code mvn test}) and inside a jar ({@code ./replay}).
 */
public final class SchemaFingerprint {

    private SchemaFingerprint() {}

    /** The fingerprint of {@code folder} (e.g. {@code db/migration/petforce}) as seen by {@code loader}. */
    public static String of(ClassLoader loader, String folder) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(folder))) {
                switch (url.getProtocol()) {
                    case "file" -> readDirectory(Path.of(url.toURI()), files);
                    case "jar" -> readJar((JarURLConnection) url.openConnection(), folder, files);
                    default -> throw new IllegalStateException("cannot list migrations at " + url);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema migrations in " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the schema migrations in " + folder, e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no schema migrations found on the classpath in " + folder
                    + "; is petforce-schema on the classpath?");
        }
        return hash(files);
    }

    private static void readDirectory(Path directory, TreeMap<String, byte[]> files) throws IOException {
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(path.getFileName().toString(), Files.readAllBytes(path));
            }
        }
    }

    private static void readJar(JarURLConnection connection, String folder, TreeMap<String, byte[]> files)
            throws IOException {
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(folder + "/") && name.indexOf('/', folder.length() + 1) < 0) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(name.substring(folder.length() + 1), in.readAllBytes());
                    }
                }
            }
        }
    }

    private static String hash(TreeMap<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, content) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(content);
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
