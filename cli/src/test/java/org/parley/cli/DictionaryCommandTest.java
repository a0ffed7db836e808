package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.coder.CoderInput;
import org.parley.coder.EventCoder;

/** {@code parley dictionary}: PETRARCH actors become an actors.txt the coder loads with --dictionaries. */
class DictionaryCommandTest {
    @TempDir
    Path dir;

    @Test
    void importsIntoAnEditableDictionaryAndNamesUnreadableFiles() throws Exception {
        Path f = dir.resolve("mine.actors.txt");
        Files.writeString(f, "MIRO_VALTEK_\n\t[BLRGOV 980101-20300131]\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = DictionaryCommand.run(List.of(f, dir.resolve("missing.txt")), dir.resolve("dicts"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.txt");
        assertThat(Files.readString(dir.resolve("dicts/actors.txt"))).contains("Miro Valtek |  | BLR | GOV | 1998-01-01");
        EventCoder coder = EventCoder.withDictionaries(dir.resolve("dicts"));
        assertThat(coder.code(new CoderInput("d", "Miro Valtek criticised Latvia.", LocalDate.of(2010, 1, 1), null))
                .events()).extracting(e -> e.source().code() + ">" + e.target().code()).containsExactly("BLR>LVA");
    }
}
