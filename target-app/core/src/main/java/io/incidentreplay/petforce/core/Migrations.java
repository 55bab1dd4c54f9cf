package io.incidentreplay.petforce.core;

import io.incidentreplay.petforce.Schema;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies the schema at start-up over its own unpooled connection, so the after build's
 * statement timeout (10 s) never cuts a migration short on a production-volume database.
 */
public final class Migrations {

    private Migrations() {}

    public static void apply(CommonSettings settings) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(settings.dbUrl());
        dataSource.setUser(settings.dbUser());
        dataSource.setPassword(settings.dbPassword());
        Schema.migrate(dataSource);
    }
}
