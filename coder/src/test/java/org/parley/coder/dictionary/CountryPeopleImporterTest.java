package org.parley.coder.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The people of Phoenix.Countries.actors.txt, and the generated actors-petrarch.txt kept current. */
class CountryPeopleImporterTest {

    @TempDir
    Path dir;

    @Test
    void keepsOnlyThePeople() throws Exception {
        Files.writeString(dir.resolve("Phoenix.Countries.actors.txt"), String.join("\n",
                "# header",
                "KENYA_  [KEN]",
                "+KENYAN_",
                "UHURU_KENYATTA_  # CountryInfo.txt",
                "\t[KENGOV >080301]",
                "EHUD_OLMERT_  # CountryInfo.txt",
                "+PRIME_MINISTER_EHUD_OLMERT",
                "\t[ISRELI 630101-030301]",
                "\t[ISRGOV 030301-090331]",
                "AFGHAN_NATIONAL_SECURITY_FORCES",
                "\t[AFGMIL]",
                ""));
        String out = CountryPeopleImporter.generate(dir, "abc123");
        assertThat(out.lines().filter(l -> !l.startsWith("#")).toList()).containsExactly(
                "Uhuru Kenyatta |  | KEN | GOV | 2008-03-01 | ",
                "Ehud Olmert | Prime Minister Ehud Olmert | ISR | ELI | 1963-01-01 | 2003-03-01",
                "Ehud Olmert | Prime Minister Ehud Olmert | ISR | GOV | 2003-03-01 | 2009-03-31");
        assertThat(out).contains("abc123", "MIT License", "people 2, codings 3");
    }

    @Test
    void committedFileIsCurrent() throws Exception {
        Path src = PetrarchImporterTest.PHOENIX;
        assumeTrue(Files.isRegularFile(src.resolve("Phoenix.Countries.actors.txt")),
                "PETRARCH dictionaries not present at " + src);
        String generated = CountryPeopleImporter.generate(src,
                AgentsImporter.sourceCommit(src.resolve("SOURCE_COMMIT.txt")));
        Path committed = OrganisationsImporterTest.RESOURCES.resolve(CountryPeopleImporter.FILE);
        if (Boolean.getBoolean("parley.regenerate")) {
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as(CountryPeopleImporter.FILE + " is out of date: rerun this test with -Dparley.regenerate=true")
                .isEqualTo(generated);
    }
}
