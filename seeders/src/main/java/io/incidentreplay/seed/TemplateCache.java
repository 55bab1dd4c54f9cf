package io.incidentreplay.seed;

import io.incidentreplay.petforce.Schema;
import io.incidentreplay.seed.internal.SchemaFingerprint;
import io.incidentreplay.seed.internal.ScriptLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeded databases kept as PostgreSQL templates, cloned once per replay.
 *
 * <p>A seeded template is named {@code petforce_tpl_<hash>}, the hash covering the schema migrations'
 * content, {@link #GENERATOR_VERSION} and the {@link DatasetSpec} (preset, pets, seed); a script's,
 * {@code replay_tpl_<hash of its content>}. Asking for a
 * key that exists reuses the template; a template for the same dataset but another schema or
 * generator is stale and is dropped when the new one is built. A template is seeded under a
 * {@code _build} name and renamed only when complete, so a crash never leaves a half-seeded template
 * behind. Builds of one key are serialised across processes with an advisory lock.
 *
 * <p>Templates are marked {@code IS_TEMPLATE} and {@code ALLOW_CONNECTIONS false}: cloning needs no
 * other session on the template, and this keeps it that way. The admin user needs {@code CREATEDB}.
 *
 * <p>Thread-safe (no state beyond configuration).
 * <pre>{@code
 * TemplateCache cache = new TemplateCache("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", null);
 * String url = cache.cloneFor(DatasetSpec.preset("production"), "replay_ws1_01");
 * // ... run the replay against url ...
 * cache.drop("replay_ws1_01");
 * }</pre>
 */
public final class TemplateCache {

    /** Bump when generated values change, so existing templates count as stale. */
    public static final int GENERATOR_VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(TemplateCache.class);
    private static final String PREFIX = "petforce_tpl_";
    private static final String SCRIPT_PREFIX = "replay_tpl_";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** A clone's comment: this mark, then the pid and host of the process that made it. */
    private static final String CLONE_MARK = "incident-replay clone of ";
    private static final String OWNER = ProcessHandle.current().pid() + "@" + hostName();

    private final String adminJdbcUrl;
    private final String user;
    private final String password;
    private final String schemaFingerprint;

    /**
     * @param adminJdbcUrl a database on the server to connect to for {@code CREATE DATABASE}, usually
     *                     {@code jdbc:postgresql://host:port/postgres}
     */
    public TemplateCache(String adminJdbcUrl, String user, String password) {
        this(adminJdbcUrl, user, password,
                SchemaFingerprint.of(Schema.class.getClassLoader(), Schema.LOCATION.substring("classpath:".length())));
    }

    /** With an explicit schema fingerprint: lets tests play a schema change. */
    TemplateCache(String adminJdbcUrl, String user, String password, String schemaFingerprint) {
        PostgresTarget.parse(adminJdbcUrl);
        this.adminJdbcUrl = adminJdbcUrl;
        this.user = user;
        this.password = password;
        this.schemaFingerprint = schemaFingerprint;
    }

    /** The template's name for this dataset under the current schema. */
    public String templateName(DatasetSpec spec) {
        return PREFIX + sha256(schemaFingerprint + "|" + GENERATOR_VERSION + "|" + datasetKey(spec)).substring(0, 16);
    }

    /** Returns the name of a complete template for {@code spec}, seeding it first if there is none. */
    public String templateFor(DatasetSpec spec) {
        return templateFor(new DatasetSource.Seeded(spec));
    }

    /**
     * Returns the name of a complete template for {@code source}, loading it first if there is none:
     * a seeder dataset is keyed by the schema, the generator and its spec; a script by its content.
     */
    public String templateFor(DatasetSource source) {
        String template = source instanceof DatasetSource.Seeded seeded ? templateName(seeded.spec())
                : SCRIPT_PREFIX + sha256(((DatasetSource.Script) source).file()).substring(0, 16);
        try (Connection admin = Connections.open(Connections.dataSource(adminJdbcUrl, user, password))) {
            lock(admin, template, true);
            try {
                if (exists(admin, template)) {
                    LOG.info("template-cache - reusing {} for {}", template, source.describe());
                } else if (source instanceof DatasetSource.Seeded seeded) {
                    dropStale(admin, seeded.spec(), template);
                    build(admin, template, comment(seeded.spec()), target -> Seeder.seed(target, seeded.spec(), ProgressListener.silent()));
                } else {
                    Path file = ((DatasetSource.Script) source).file();
                    build(admin, template, "replay dataset script " + file.getFileName(), target -> ScriptLoader.load(target, file));
                }
            } finally {
                lock(admin, template, false);
            }
            return template;
        } catch (SQLException e) {
            throw new SeedException("template for " + source.describe() + " on " + PostgresTarget.parse(adminJdbcUrl).describe()
                    + " failed: " + e.getMessage(), e);
        }
    }

    /** How a template database is filled. */
    private interface Loader {
        void load(DataSource target);
    }

    /**
     * Clones the template for {@code spec} (building it if needed) into a new database.
     *
     * @param newDatabaseName lower-case letters, digits and underscores; must not exist yet
     * @return the JDBC URL of the clone: the admin URL with the database replaced
     */
    public String cloneFor(DatasetSpec spec, String newDatabaseName) {
        return cloneFor(new DatasetSource.Seeded(spec), newDatabaseName);
    }

    /** Clones the template for {@code source} (building it if needed) into a new database. */
    public String cloneFor(DatasetSource source, String newDatabaseName) {
        checkName(newDatabaseName);
        String template = templateFor(source);
        try (Connection admin = Connections.open(Connections.dataSource(adminJdbcUrl, user, password))) {
            if (exists(admin, newDatabaseName)) {
                throw new SeedException("database '" + newDatabaseName + "' already exists on "
                        + PostgresTarget.parse(adminJdbcUrl).describe() + "; drop it first (TemplateCache.drop) "
                        + "or choose another name");
            }
            terminateSessions(admin, template);
            String strategy = admin.getMetaData().getDatabaseMajorVersion() >= 15 ? " STRATEGY = FILE_COPY" : "";
            execute(admin, "CREATE DATABASE \"" + newDatabaseName + "\" TEMPLATE \"" + template + "\"" + strategy);
            execute(admin, "COMMENT ON DATABASE \"" + newDatabaseName + "\" IS '" + CLONE_MARK + OWNER + "'");
            return PostgresTarget.withDatabase(adminJdbcUrl, newDatabaseName);
        } catch (SQLException e) {
            throw new SeedException("cloning " + template + " into '" + newDatabaseName + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * Drops the clones a harness on this machine made and left behind when it was killed before its
     * teardown (a clone's comment names the process that made it, {@code pid@host}; that process is
     * gone). Clones of live harnesses, and of other machines, are left alone. Best effort: what
     * cannot be looked up or dropped is logged and left, and never fails the replay about to clone.
     *
     * @return the names of the clones dropped
     */
    public List<String> dropClonesOfDeadHarnesses() {
        String host = OWNER.substring(OWNER.indexOf('@') + 1);
        List<String> dead = new ArrayList<>();
        try (Connection admin = Connections.open(Connections.dataSource(adminJdbcUrl, user, password))) {
            try (PreparedStatement query = admin.prepareStatement("SELECT datname, shobj_description(oid, 'pg_database') "
                    + "FROM pg_database WHERE starts_with(coalesce(shobj_description(oid, 'pg_database'), ''), ?)")) {
                query.setString(1, CLONE_MARK);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        String[] owner = rs.getString(2).substring(CLONE_MARK.length()).split("@", 2);
                        if (owner.length == 2 && owner[1].equals(host) && ProcessHandle.of(parsePid(owner[0])).isEmpty()) {
                            dead.add(rs.getString(1));
                        }
                    }
                }
            }
            List<String> dropped = new ArrayList<>();
            for (String name : dead) {
                LOG.info("template-cache - dropping {}, a clone left by a harness that was killed", name);
                try {
                    dropDatabase(admin, name);
                    dropped.add(name);
                } catch (SQLException e) { // e.g. owned by another role on a shared server: not this replay's problem
                    LOG.warn("template-cache - cannot drop {}, left by a killed harness: {}", name, e.getMessage());
                }
            }
            return dropped;
        } catch (SQLException e) {
            LOG.warn("template-cache - cannot look for clones left by killed harnesses: {}", e.getMessage());
            return List.of();
        }
    }

    private static long parsePid(String pid) {
        try {
            return Long.parseLong(pid);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Drops a clone (or any database this cache made), ending its sessions first. Missing is fine. */
    public void drop(String databaseName) {
        checkName(databaseName);
        try (Connection admin = Connections.open(Connections.dataSource(adminJdbcUrl, user, password))) {
            dropDatabase(admin, databaseName);
        } catch (SQLException e) {
            throw new SeedException("dropping '" + databaseName + "' failed: " + e.getMessage(), e);
        }
    }

    /** Loads under a {@code _build} name and renames only when complete: a crash never leaves a half-loaded template. */
    private void build(Connection admin, String template, String comment, Loader loader) throws SQLException {
        long start = System.nanoTime();
        String building = template + "_build";
        dropDatabase(admin, building);
        execute(admin, "CREATE DATABASE \"" + building + "\"");
        DataSource target = Connections.dataSource(
                PostgresTarget.withDatabase(adminJdbcUrl, building), user, password);
        loader.load(target);
        terminateSessions(admin, building);
        execute(admin, "ALTER DATABASE \"" + building + "\" RENAME TO \"" + template + "\"");
        execute(admin, "COMMENT ON DATABASE \"" + template + "\" IS '" + comment.replace("'", "''") + "'");
        execute(admin, "ALTER DATABASE \"" + template + "\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        LOG.info("template-cache - built {} ({}) in {} ms", template, comment, (System.nanoTime() - start) / 1_000_000);
    }

    /** The file's SHA-256, read in chunks: a dump may be larger than the heap. */
    private static String sha256(Path file) {
        try (var in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new SeedException("cannot read the dataset script " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Templates of the same dataset under another schema fingerprint or generator version. */
    private void dropStale(Connection admin, DatasetSpec spec, String current) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement(
                "SELECT datname FROM pg_database WHERE datname LIKE 'petforce\\_tpl\\_%' AND datname <> ? "
                        + "AND split_part(shobj_description(oid, 'pg_database'), ';', 1) = ?")) {
            query.setString(1, current);
            query.setString(2, "petforce dataset " + datasetKey(spec));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    stale.add(rs.getString(1));
                }
            }
        }
        for (String name : stale) {
            LOG.info("template-cache - dropping stale template {} for {}", name, spec);
            dropDatabase(admin, name);
        }
    }

    private void dropDatabase(Connection admin, String name) throws SQLException {
        if (!exists(admin, name)) {
            return;
        }
        execute(admin, "ALTER DATABASE \"" + name + "\" WITH IS_TEMPLATE false ALLOW_CONNECTIONS true");
        terminateSessions(admin, name);
        execute(admin, "DROP DATABASE IF EXISTS \"" + name + "\"");
    }

    private static void terminateSessions(Connection admin, String database) throws SQLException {
        try (PreparedStatement terminate = admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            terminate.setString(1, database);
            terminate.execute();
        }
    }

    private static boolean exists(Connection admin, String database) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void lock(Connection admin, String template, boolean acquire) throws SQLException {
        try (PreparedStatement lock = admin.prepareStatement(
                acquire ? "SELECT pg_advisory_lock(hashtext(?))" : "SELECT pg_advisory_unlock(hashtext(?))")) {
            lock.setString(1, template);
            lock.execute();
        }
    }

    private static void execute(Connection admin, String sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private String comment(DatasetSpec spec) {
        return "petforce dataset " + datasetKey(spec) + "; schema " + schemaFingerprint + "; generator " + GENERATOR_VERSION;
    }

    private static String datasetKey(DatasetSpec spec) {
        return "preset=" + spec.preset().id() + " pets=" + spec.pets() + " seed=" + spec.seed();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replace("'", "");
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static void checkName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name '" + name + "' is not allowed: use 1 to 63 "
                    + "lower-case letters, digits and underscores, starting with a letter or underscore");
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
