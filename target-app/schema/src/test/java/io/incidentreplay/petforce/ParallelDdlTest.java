package io.incidentreplay.petforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.petforce.ParallelDdl.DdlStatement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParallelDdlTest {

    @Test
    void statementsAreSplitAtLineEndSemicolonsAndNameTheirTables() {
        List<DdlStatement> statements = ParallelDdl.parse("""
                -- a comment
                ALTER TABLE pets ADD PRIMARY KEY (id); -- trailing comment
                CREATE INDEX pets_live_idx
                    ON pets (created_at DESC) WHERE deleted_at IS NULL;
                alter table tasks add foreign key (pet_id) references PETS (id);
                ANALYZE;
                """);

        assertThat(statements).extracting(DdlStatement::sql).containsExactly(
                "ALTER TABLE pets ADD PRIMARY KEY (id);",
                "CREATE INDEX pets_live_idx ON pets (created_at DESC) WHERE deleted_at IS NULL;",
                "alter table tasks add foreign key (pet_id) references PETS (id);",
                "ANALYZE;");
        assertThat(statements).extracting(DdlStatement::tables).containsExactly(
                Set.of("pets"), Set.of("pets"), Set.of("tasks", "pets"), Set.of());
    }

    @Test
    void aStatementFollowsEarlierOnesOnItsTablesAndBarriersOnly() {
        List<DdlStatement> s = ParallelDdl.parse("""
                ALTER TABLE users ADD PRIMARY KEY (id);
                ALTER TABLE pets ADD PRIMARY KEY (id);
                CREATE INDEX users_email ON users (email);
                ALTER TABLE tasks ADD FOREIGN KEY (pet_id) REFERENCES pets (id);
                ANALYZE;
                """);

        assertThat(s.get(1).mustFollow(s.get(0))).as("pets key after users key").isFalse();
        assertThat(s.get(2).mustFollow(s.get(0))).as("users index after users key").isTrue();
        assertThat(s.get(2).mustFollow(s.get(1))).as("users index after pets key").isFalse();
        assertThat(s.get(3).mustFollow(s.get(1))).as("foreign key to pets after pets key").isTrue();
        assertThat(s.get(4).mustFollow(s.get(3))).as("a barrier after anything").isTrue();
        assertThat(s.get(3).mustFollow(s.get(4))).as("anything after a barrier").isTrue();
    }

    @Test
    void scriptsTheSplitCannotReadAreRefused() {
        assertThatThrownBy(() -> ParallelDdl.parse("UPDATE pets SET name = 'a;b';"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no quotes");
        assertThatThrownBy(() -> ParallelDdl.parse("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dollar");
        assertThatThrownBy(() -> ParallelDdl.parse("ALTER TABLE pets ADD PRIMARY KEY (id)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing ';'");
    }

    @Test
    void theV2ScriptParsesAndEveryStatementNamesATable() {
        List<DdlStatement> statements = ParallelDdl.parse(new KeysAndIndexesMigration().script());

        assertThat(statements).hasSize(28).allSatisfy(s -> assertThat(s.tables()).isNotEmpty());
    }
}
