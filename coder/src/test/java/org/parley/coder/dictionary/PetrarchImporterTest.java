package org.parley.coder.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.coder.CoderInput;
import org.parley.coder.EventCoder;
import org.parley.common.Event;

/** The TABARI/PETRARCH importer, on a small file written here and on the Phoenix files read in place. */
class PetrarchImporterTest {
    /** The Phoenix dictionaries live outside the repository; tests that need them skip when absent. */
    static final Path PHOENIX = Path.of(System.getProperty("parley.petrarch.dir",
            "../../shared/dictionaries/petrarch2"));

    @TempDir
    Path dir;

    @Test
    void readsEntriesAliasesDatedCodesAndSkipsJunk() throws Exception {
        Path f = dir.resolve("t.actors.txt");
        Files.writeString(f, """
                # comment
                ZANDORIA_  [ZND]
                +ZANDORIAN_REPUBLIC_
                +ZAND_CITY_ # the capital

                MIRO_VALTEK_  # a person
                \t[ZNDELI 650101-980101]
                \t[ZNDGOV 980101-20050131]
                ZANDORIAN_NAVY_ [ZNDMIL]
                GLOBAL_CONCORD_ [IGOUNO]
                !PERSON! = MAN, MEN
                STRAY_LINE_ [~XX]
                """);
        PetrarchImporter.Result r = PetrarchImporter.read(f);
        assertThat(r.actors()).extracting(PetrarchImporter.Actor::name)
                .containsExactly("Zandoria", "Miro Valtek", "Zandorian Navy", "Global Concord");
        assertThat(r.actors().get(0).aliases()).containsExactly("Zandorian Republic", "Zand City");
        assertThat(r.actors().get(1).codings()).containsExactly(
                new PetrarchImporter.Coding("ZND", "ELI", LocalDate.of(1965, 1, 1), LocalDate.of(1998, 1, 1)),
                new PetrarchImporter.Coding("ZND", "GOV", LocalDate.of(1998, 1, 1), LocalDate.of(2005, 1, 31)));
        assertThat(r.actors().get(2).codings()).containsExactly(new PetrarchImporter.Coding("ZND", "MIL", null, null));
        assertThat(r.actors().get(3).codings().get(0).code()).isEqualTo("UN");
        assertThat(r.skippedLines()).isEqualTo(2);
    }

    @Test
    void importedActorsAreCodedAndWrittenAsParleyFiles() throws Exception {
        Path f = dir.resolve("t.actors.txt");
        Files.writeString(f, """
                MIRO_VALTEK_
                \t[BLRGOV 980101-20300131]
                """);
        EventCoder coder = EventCoder.withDictionaries(null, List.of(f));
        List<Event> ev = coder.code(new CoderInput("i", "Miro Valtek criticised Lithuania.",
                LocalDate.of(2020, 1, 1), null)).events();
        assertThat(ev).extracting(e -> e.source().code() + "/" + e.source().role() + ">" + e.target().code())
                .containsExactly("BLR/GOV>LTU");

        Path out = dir.resolve("dicts");
        Files.createDirectories(out);
        PetrarchImporter.writeParley(PetrarchImporter.read(f).actors(), out.resolve("actors.txt"));
        EventCoder fromFile = EventCoder.withDictionaries(out);
        assertThat(fromFile.code(new CoderInput("i", "Miro Valtek criticised Lithuania.", LocalDate.of(2020, 1, 1),
                null)).events()).hasSize(1);
    }

    @Test
    void phoenixDictionariesImportQuicklyAndCompactly() throws Exception {
        Path countries = PHOENIX.resolve("Phoenix.Countries.actors.txt");
        assumeTrue(Files.isRegularFile(countries), "Phoenix dictionaries not present at " + PHOENIX);
        PetrarchImporter.Result r = PetrarchImporter.read(countries);
        assertThat(r.actors().size()).isGreaterThan(15_000);
        assertThat(r.skippedLines()).isLessThan(r.actors().size() / 100);

        List<Path> files = List.of(countries, PHOENIX.resolve("Phoenix.International.actors.txt"),
                PHOENIX.resolve("Phoenix.MilNonState.actors.txt"));
        EventCoder.withDictionaries(null, files); // warm-up
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        EventCoder coder = EventCoder.withDictionaries(null, files);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long heapMb = (rt.totalMemory() - rt.freeMemory() - heapBefore) / 1_000_000;
        System.out.printf("Phoenix import: %d actors from Countries alone; all three files in %d ms, ~%d MB heap%n",
                r.actors().size(), ms, heapMb);
        // generous bounds: the machine is shared; docs/coder.md records measured figures
        assertThat(ms).isLessThan(10_000);
        assertThat(heapMb).isLessThan(100);

        List<Event> ev = coder.code(new CoderInput("p", "Hamid Karzai met Pervez Musharraf in Kabul.",
                LocalDate.of(2006, 9, 1), null)).events();
        assertThat(ev).extracting(e -> e.source().code() + ">" + e.target().code()).contains("AFG>PAK");
    }
}
