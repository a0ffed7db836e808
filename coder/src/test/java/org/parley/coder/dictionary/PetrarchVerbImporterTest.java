package org.parley.coder.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The PETRARCH verb dictionary importer, on inline snippets of the format, and the generated resource. */
class PetrarchVerbImporterTest {
    /** The source dictionary lives outside the repository; the currency test skips when it is absent. */
    static final Path SOURCE = Path.of(System.getProperty("parley.petrarch.dir",
            "../../shared/dictionaries/petrarch2")).resolve("CAMEO.2.0.txt");
    static final Path GENERATED = Path.of("src/main/resources/org/parley/coder/petrarch-verbs.txt");
    static final Set<String> CODES = Set.of("010", "020", "080", "0841", "084", "070", "111", "173", "042", "190");

    static PetrarchVerbImporter.Result parse(String text) {
        return PetrarchVerbImporter.parse(List.of(text.split("\n", -1)), CODES);
    }

    static List<String> lines(PetrarchVerbImporter.Result r) {
        return r.rules().stream().map(PetrarchVerbImporter.VerbRule::line).toList();
    }

    static final String SYNSETS = """
            &HOSTAGE
            +HOSTAGE
            +CAPTIVE_
            +POLITICAL_PRISONER

            &DETENTION
            +JAIL
            +PRISON

            """;

    @Test
    void verbsGiveVerbAloneRulesWithFormsAndOwnCodes() {
        var r = parse(SYNSETS + """
                ---  RELEASE   [080]  ---
                +SET_FREE {+SETS_FREE +SETTING_FREE }
                FREE {FREES FREEING FREED }  # a comment
                RELEASE [084]
                UNCHAIN [---]
                WITHDRAW {WITHDREW WITHDRAWN};shan 8/30/93
                """);
        assertThat(lines(r)).containsExactly(
                "petr.release.set_free | 080 | set/sets/setting free |",
                "petr.release.free | 080 | free/frees/freeing/freed |",
                "petr.release.release | 084 | release |",
                "petr.release.withdraw | 080 | withdraw/withdrew/withdrawn |");
        assertThat(r.verbRules()).isEqualTo(4);
        assertThat(r.skipped()).containsEntry("verb: code --- (no event for the verb alone)", 1);
        assertThat(r.rules().get(0).comments()).containsExactly("--- RELEASE [080] ---");
    }

    @Test
    void blockWithoutCodeGivesNoVerbAloneRules() {
        var r = parse("""
                ---  RUSH   [---]  ---
                RUSH
                HURRY {HURRIES HURRYING HURRIED }
                - * (TO)  [042:043]  # RUSH
                - * (FROM)  [010]  # oy 29 Nov 2005
                """);
        // a pattern is triggered by the verb its comment names; with no verb named, by every verb of the block
        assertThat(lines(r)).containsExactly("petr.rush.1 | 042 | rush ... to |",
                "petr.rush.2 | 010 | rush/hurry/hurries/hurrying/hurried ... from |");
        assertThat(r.restrictedToCommentVerb()).isEqualTo(1);
        assertThat(r.pairCodes()).isEqualTo(1);
        assertThat(r.rules().get(0).comments()).containsExactly("--- RUSH [---] ---", "RUSH: - * (TO) [042:043] # RUSH");
    }

    @Test
    void patternsMapWordsGapsBracesPhrasesAlternativesAndSynsets() {
        var r = parse(SYNSETS + """
                ---  RELEASE   [---]  ---
                RELEASE
                FREE {FREES FREED}
                +SET_FREE
                - * PRISONERS [0841]
                - * {PEACE OFFER} [020]
                - * (FROM &DETENTION) [0841]
                - * (BY/WITH SANCTIONS) [111]
                - * DEBT_RELIEF [070]
                - * &HOSTAGE [0841]
                - * REPORT [---]
                """);
        assertThat(lines(r)).containsExactly(
                "petr.release.1 | 0841 | release/free/frees/freed ... prisoners/prisoner |",
                "petr.release.2 | 020 | release/free/frees/freed ... peace offer |",
                "petr.release.3 | 0841 | release/free/frees/freed ... from ... jail/prison |",
                "petr.release.4 | 111 | release/free/frees/freed ... by/with ... sanctions/sanction |",
                "petr.release.5 | 070 | release/free/frees/freed ... debt relief |",
                "petr.release.6 | 0841 | release/free/frees/freed ... hostage/captive |",
                "petr.release.7 | 0841 | release/free/frees/freed ... political prisoner |",
                "petr.release.8 | --- | release/free/frees/freed ... report |");
        assertThat(r.patternRules()).isEqualTo(8);
        assertThat(r.blockingRules()).isEqualTo(1);
        assertThat(r.multiWordSynsetRules()).isEqualTo(1);
        assertThat(r.patternsImported()).isEqualTo(7);
        // the multi-word verb does not trigger patterns: 7 combinations counted
        assertThat(r.multiWordVerbPatternsNotApplied()).isEqualTo(7);
    }

    @Test
    void markersAreDroppedWhereTheCoderAgreesAndSkippedWhereNot() {
        var r = parse(SYNSETS + """
                ---  ACCUSE   [---]  ---
                ACCUSE
                - $ * (OF CRIME) + [111]
                - * CLAIM (AGAINST) + [111]
                - * + TO HEAD [010]
                - * (TO BANNED) $ [111]
                - + * ROCKET [190]
                - GUNMEN * &HOSTAGE [0841]
                - % &HOSTAGE * [190]
                - * SUMMIT (IN ^) [042]
                - * + [111]
                - * PRISON [:173]
                - * &NOSUCH [111]
                - * JAIL [999]
                """);
        assertThat(lines(r)).containsExactly(
                "petr.accuse.1 | 111 | accuse ... of ... crime |",
                "petr.accuse.2 | 111 | accuse ... claim ... against |");
        assertThat(r.skipped()).containsEntry("pattern: words after the target marker +", 1)
                .containsEntry("pattern: source marker $ after the verb", 1)
                .containsEntry("pattern: target marker + before the verb", 1)
                .containsEntry("pattern: words before the verb", 1)
                .containsEntry("pattern: compound actor marker %", 1)
                .containsEntry("pattern: skip marker ^", 1)
                .containsEntry("pattern: no words after the verb (the verb-alone rule covers it)", 1)
                .containsEntry("pattern: reverse-direction code [:Y]", 1)
                .containsEntry("pattern: undefined synset", 1)
                .containsEntry("pattern: code not in the codebook", 1)
                .containsEntry("verb: code --- (no event for the verb alone)", 1);
        assertThat(r.skippedTotal()).isEqualTo(11);
    }

    @Test
    void duplicatesAreDroppedAndConflictsKeepTheFirst() {
        var r = parse("""
                ---  STAGE   [---]  ---
                STAGE
                - * DEMONSTRATION [010]
                - * DEMONSTRATION [010]
                - * STRIKE [010]
                - * STRIKE [020]
                """);
        assertThat(lines(r)).containsExactly(
                "petr.stage.1 | 010 | stage ... demonstration |",
                "petr.stage.2 | 010 | stage ... strike |");
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.skipped()).containsEntry("pattern line: same pattern as an earlier rule, other code (first kept)", 1);
    }

    @Test
    void manyMultiWordSynsetMembersAreLeftOutBeyondTheLimit() {
        StringBuilder syn = new StringBuilder("&WEAPON\n+GUN\n");
        for (int i = 0; i < 20; i++) {
            syn.append("+HEAVY_GUN").append((char) ('A' + i)).append('\n');
        }
        var r = parse(syn + "\n---  USE   [---]  ---\nUSE\n- * &WEAPON [190]\n");
        assertThat(lines(r)).containsExactly("petr.use.1 | 190 | use ... gun |");
        assertThat(r.synsetMembersLeftOut()).isEqualTo(1);
    }

    @Test
    void transformationsAreCountedNotImported() {
        var r = parse("""
                ---  SAY   [010]  ---
                SAY {SAID}

                ######## TRANSFORMATIONS ##########
                ~ a (a b ATTACK) SAY = a b 015
                """);
        assertThat(lines(r)).containsExactly("petr.say.say | 010 | say/said |");
        assertThat(r.transformationsIgnored()).isEqualTo(1);
    }

    @Test
    void pluralsGetTheirSingularAsAlternative() {
        assertThat(PetrarchVerbImporter.withBase("prisoners")).containsExactly("prisoners", "prisoner");
        assertThat(PetrarchVerbImporter.withBase("atrocities")).containsExactly("atrocities", "atrocity");
        assertThat(PetrarchVerbImporter.withBase("clashes")).containsExactly("clashes", "clash");
        assertThat(PetrarchVerbImporter.withBase("news")).containsExactly("news");
        assertThat(PetrarchVerbImporter.withBase("process")).containsExactly("process");
        assertThat(PetrarchVerbImporter.withBase("crisis")).containsExactly("crisis");
    }

    @Test
    void everyRuleOfTheGeneratedFileParsesAndItsCodeIsInTheCodebook() throws Exception {
        Method parse = Class.forName("org.parley.coder.Rule").getDeclaredMethod("parse", String.class);
        parse.setAccessible(true);
        Set<String> codebook = PetrarchVerbImporter.codebook();
        Set<String> ids = new HashSet<>();
        List<String> bad = new ArrayList<>();
        int rules = 0;
        for (String line : Files.readAllLines(GENERATED, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            rules++;
            try {
                parse.invoke(null, line);
            } catch (InvocationTargetException e) {
                bad.add(line + " -> " + e.getCause().getMessage());
            }
            String[] f = line.split("\\|");
            String code = f[1].strip();
            if (!code.equals("---") && !codebook.contains(code)) {
                bad.add(line + " -> code not in codebook");
            }
            if (!ids.add(f[0].strip())) {
                bad.add(line + " -> duplicate id");
            }
        }
        assertThat(bad).isEmpty();
        assertThat(rules).isGreaterThan(1000);
    }

    @Test
    void generatedFileIsCurrent() throws Exception {
        assumeTrue(Files.exists(SOURCE), "PETRARCH dictionary not present at " + SOURCE.toAbsolutePath());
        String fresh = PetrarchVerbImporter.generate(SOURCE, PetrarchVerbImporter.SHOWN_NAME);
        String committed = Files.readString(GENERATED, StandardCharsets.UTF_8);
        assertThat(committed)
                .as("petrarch-verbs.txt is stale: regenerate it (see its header)")
                .isEqualTo(fresh);
    }
}
