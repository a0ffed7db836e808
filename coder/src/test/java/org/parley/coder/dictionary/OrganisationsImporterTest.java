package org.parley.coder.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PETRARCH organisations importer, and the generated *-petrarch.txt files it keeps current. */
class OrganisationsImporterTest {
    static final Path RESOURCES = Path.of("src/main/resources/org/parley/coder");

    @TempDir
    Path dir;

    @Test
    void mapsCodesAndSkipsWithReasons() throws Exception {
        Path intl = dir.resolve("Phoenix.International.actors.txt");
        Files.writeString(intl, String.join("\n",
                "# comment",
                "UNITED_NATIONS_CHIEF [IGOUNO]",
                "+UN_BOSS",
                "KOFI_ANNAN_",
                "+K._ANNAN_",
                "\t[IGOUNO 970101-061231]",
                "\t[ELI]",
                "NORTH_ATLANTIC_COUNCIL_ [IGOWSTNAT]",
                "INTERNATIONAL_ENERGY_WATCHERS_ [IGOUNOIAE]",
                "NORDIC_COUNCIL_ [IGOSCN]",
                "ACME_CORP_ [MNCUSA]",
                "SAVE_THE_WHALES_ [NGOENV]",
                "AMNESTY_INTL_ [NGOHRIAMN]",
                "THE_SECURITY_COUNCIL_ [IGOUNO]",
                "UN [IGOUNO]",
                ""));
        Path mns = dir.resolve("Phoenix.MilNonState.actors.txt");
        Files.writeString(mns, String.join("\n",
                "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB]",
                "+JAYSH_ADAN_",
                "ABU_NIDAL_ORGANIZATION [IMGMUSALQ]",
                "CORSICAN_FRONT_ [FRAREB]",
                "+FRONT_",
                "HARAKAT_AL-MUQAWAMA_ [PSEREB]",
                "+HAMAS",
                "ANARCHIST_CELLS_ [WEUREB]",
                ""));
        Files.writeString(dir.resolve("SOURCE_COMMIT.txt"), "abc123\n");
        Path res = dir.resolve("res");
        Files.createDirectories(res);
        Files.writeString(res.resolve("countries.txt"), "YEM | Yemen | | Yemeni | |\nFRA | France | | French | |\n"
                + "PSE | Palestine | | Palestinian | |\n");
        Files.writeString(res.resolve("organisations.txt"), "UN | IGO | United Nations | UN; U.N. | UN\n"
                + "NATO | IGO | North Atlantic Treaty Organization | NATO |\nIAEA | IGO | International Atomic Energy "
                + "Agency | IAEA |\nAI | NGO | Amnesty International | Amnesty |\n");
        Files.writeString(res.resolve("groups.txt"), "Hamas | Hamas movement | PSE | REB\n");
        Files.writeString(res.resolve("people.txt"), "");
        Files.writeString(res.resolve("roles.txt"), "security council | GOV\n");
        Map<String, String> files = OrganisationsImporter.generate(dir, res, "abc123");
        assertThat(body(files.get(OrganisationsImporter.ORGS))).containsExactly(
                "UN | IGO | United Nations | United Nations Chief; Un Boss",
                "NATO | IGO | North Atlantic Treaty Organization | North Atlantic Council",
                "IAEA | IGO | International Atomic Energy Agency | International Energy Watchers",
                "AI | NGO | Amnesty International | Amnesty Intl");
        assertThat(body(files.get(OrganisationsImporter.PEOPLE))).containsExactly(
                "Kofi Annan | K. Annan | UN |  | 1997-01-01 | 2006-12-31");
        assertThat(body(files.get(OrganisationsImporter.GROUPS))).containsExactly(
                "Aden Abyan Islamic Army | AAIA; Jaysh Adan | YEM | REB",
                "Abu Nidal Organization |  | IMG | REB",
                "Corsican Front |  | FRA | REB",
                "Hamas | Harakat Al-Muqawama | PSE | REB",
                "Anarchist Cells |  | IMG | REB");
        String header = files.get(OrganisationsImporter.GROUPS);
        assertThat(header).contains("abc123", "MIT License")
                .contains("entries skipped: company (MNC) without a Parley code: 1")
                .contains("entries skipped: NGO without a Parley code: 1")
                .contains("entries skipped: IGO code without a Parley organisation: 1")
                .contains("names skipped: generic word: 1")
                .contains("names skipped: shorter than 3 letters: 1")
                .contains("names skipped: a role noun");
    }

    @Test
    void committedFilesAreCurrent() throws Exception {
        Path src = PetrarchImporterTest.PHOENIX;
        assumeTrue(Files.isRegularFile(src.resolve("Phoenix.International.actors.txt")),
                "PETRARCH dictionaries not present at " + src);
        String commit = AgentsImporter.sourceCommit(src.resolve("SOURCE_COMMIT.txt"));
        Map<String, String> generated = OrganisationsImporter.generate(src, RESOURCES, commit);
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Path committed = RESOURCES.resolve(e.getKey());
            if (Boolean.getBoolean("parley.regenerate")) {
                Files.writeString(committed, e.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                    .as(e.getKey() + " is out of date: rerun this test with -Dparley.regenerate=true")
                    .isEqualTo(e.getValue());
        }
    }

    private static List<String> body(String file) {
        return file.lines().filter(l -> !l.startsWith("#")).toList();
    }
}
