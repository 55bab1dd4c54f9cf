package io.incidentreplay.seed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CopyRowWriterTest {

    @Test
    void escape_protects_copy_text_delimiters_and_keeps_unicode() {
        byte[] escaped = CopyRowWriter.escape("Zoë\t\\ \"Bo\"\nline\r");

        assertThat(new String(escaped, StandardCharsets.UTF_8)).isEqualTo("Zoë\\t\\\\ \"Bo\"\\nline\\r");
    }
}
