package org.parley.coder.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.coder.CoderInput;
import org.parley.coder.EventCoder;
import org.parley.common.Event;

/** The PETRARCH agents importer, and the generated agents.txt it keeps current. */
class AgentsImporterTest {
    /** The shared Phoenix agents file (outside the repository); the currency check skips when absent. */
    static final Path AGENTS = PetrarchImporterTest.PHOENIX.resolve("Phoenix.agents.txt");
    static final Path RESOURCES = Path.of("src/main/resources/org/parley/coder");

    @TempDir
    Path dir;

    @Test
    void expandsSetsMakesPluralsMapsCodesAndSkipsWithReasons() {
        List<String> lines = List.of(
                "# comment",
                "!PERSON! = MAN, MEN, WOMAN, PERSON",
                "CATTLE!PERSON! [~AGR]",
                "BUDDHIST_CLERGY!PERSON!  [~BUD] # a comment",
                "DAIRY_FARMER [~AGR]",
                "DEPUTY_MINISTER [~GOVMED]",
                "THIEF {THIEVES} [~CRM]",
                "AIR_FORCE {} [~MIL]",
                "MINISTRY_OF_DEFENSE [~GOVMIL]",
                "SPOKES!PERSON! [~MED]",
                "BOSS [~BUS]",
                "PARTY_LEADER [~PTY]",
                "TRUCE_MONITOR [IGO~]",
                "AMBASSADOR_TO {} [~GOV]",
                "TV {} [~MED]",
                "ZANDORIA {} [~GOV]",
                "ISLAMIC_EXTREMIST",
                "GUERRILLA [~UAF]",
                "PARLIAMENTARY_AIDE [~LEGGOV]",
                "UNIDENTIFIED_GUNMAN {UNIDENTIFIED_GUNMEN} [~REB]");
        AgentsImporter.Result r = AgentsImporter.convert(lines, Map.of("spokesman", "GOV", "guerrillas", "REB", "gunmen", "REB | ---"),
                Set.of("zandoria"));
        assertThat(r.entries()).extracting(e -> e.phrase() + "=" + e.role() + (e.code() == null ? "" : "/" + e.code())).containsExactly(
                "cattleman=CVL", "cattlemen=CVL", "cattlewoman=CVL", "cattleperson=CVL",
                "buddhist clergyman=REL", "buddhist clergymen=REL", "buddhist clergywoman=REL",
                "buddhist clergyperson=REL",
                "dairy farmer=CVL", "dairy farmers=CVL",
                "deputy minister=GOV", "deputy ministers=GOV",
                "thief=REB", "thieves=REB",
                "air force=MIL",
                "ministry of defense=GOV",
                // roles.txt has "spokesman | GOV": the other forms follow it, not PETRARCH's MED
                "spokesmen=GOV", "spokeswoman=GOV", "spokesperson=GOV",
                "truce monitor=IGO", "truce monitors=IGO",
                "guerrilla=REB",
                "parliamentary aide=LEG", "parliamentary aides=LEG",
                // "gunmen" is an actor alone in roles.txt, so is the longer phrase
                "unidentified gunman=REB", "unidentified gunmen=REB/---");
        assertThat(r.counts()).containsEntry("entries read", 18).containsEntry("substitution sets", 1)
                .containsEntry("entries without a code", 1)
                .containsEntry("skipped: already in roles.txt", 2)
                .containsEntry("skipped: generic word", 2)
                .containsEntry("skipped: code PTY has no Parley role", 2)
                .containsEntry("skipped: begins or ends with a connecting word", 1)
                .containsEntry("skipped: shorter than 3 letters", 1)
                .containsEntry("skipped: names a country, organisation, person or group", 1)
                .containsEntry("phrases emitted", r.entries().size());
    }

    @Test
    void pluralsOnlyWhereTheLastWordIsTheHead() {
        assertThat(AgentsImporter.plural("militia")).isEqualTo("militias");
        assertThat(AgentsImporter.plural("deputy mayor")).isEqualTo("deputy mayors");
        assertThat(AgentsImporter.plural("attorney")).isEqualTo("attorneys");
        assertThat(AgentsImporter.plural("secretary")).isEqualTo("secretaries");
        assertThat(AgentsImporter.plural("congress")).isEqualTo("congresses");
        assertThat(AgentsImporter.plural("chairman")).isEqualTo("chairmen");
        assertThat(AgentsImporter.plural("minister of defense")).isNull();
        assertThat(AgentsImporter.plural("armed forces")).isNull();
        assertThat(AgentsImporter.plural("state media")).isNull();
    }

    @Test
    void committedAgentsFileIsCurrent() throws Exception {
        assumeTrue(Files.isRegularFile(AGENTS), "PETRARCH agents file not present at " + AGENTS);
        String commit = AgentsImporter.sourceCommit(AGENTS.resolveSibling("SOURCE_COMMIT.txt"));
        String generated = AgentsImporter.generate(AGENTS, RESOURCES, commit);
        Path committed = RESOURCES.resolve("agents.txt");
        if (Boolean.getBoolean("parley.regenerate")) {
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("agents.txt is out of date: rerun this test with -Dparley.regenerate=true")
                .isEqualTo(generated);
    }

    @Test
    void shippedAgentsGiveRolesAndRolesTxtAndUserFilesWin() throws Exception {
        EventCoder shipped = EventCoder.withDefaultDictionaries();
        assertThat(tuples(shipped, "Egyptian imams criticised Israel.")).containsExactly("EGY/REL>ISR");

        // a user roles.txt overrides an agent phrase; a user agents.txt cannot override roles.txt
        Files.writeString(dir.resolve("roles.txt"), "imams | GOV\n");
        Files.writeString(dir.resolve("agents.txt"), "spokesman | MED\nmullahs | MED\n");
        EventCoder user = EventCoder.withDictionaries(dir);
        assertThat(tuples(user, "Egyptian imams criticised Israel.")).containsExactly("EGY/GOV>ISR");
        assertThat(tuples(user, "Egyptian mullahs criticised Israel.")).containsExactly("EGY/MED>ISR");
        assertThat(tuples(user, "The Egyptian spokesman criticised Israel.")).containsExactly("EGY/GOV>ISR");
    }

    private static List<String> tuples(EventCoder coder, String text) {
        List<Event> ev = coder.code(new CoderInput("a", text, LocalDate.of(2020, 1, 1), null)).events();
        return ev.stream().map(e -> e.source().code() + "/" + e.source().role() + ">" + e.target().code()).toList();
    }
}
