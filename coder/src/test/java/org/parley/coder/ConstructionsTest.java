package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Event;

/** One short sentence per construction, written for this test, with the exact codes expected. */
class ConstructionsTest {
    private static final EventCoder CODER = EventCoder.strictForTests();
    private static final LocalDate DAY = LocalDate.of(2025, 3, 7); // a Friday

    private static List<Event> code(String text) {
        return CODER.code(new CoderInput("t", text, DAY, null)).events();
    }

    private static List<String> tuples(String text) {
        return EventTuples.of(code(text));
    }

    @Test
    void coordinatedSubjectsGiveBothDirections() {
        List<Event> ev = code("Germany and Poland held talks in Warsaw on Monday.");
        assertThat(ev).extracting(e -> e.source().code() + ">" + e.target().code() + ">" + e.cameo())
                .containsExactlyInAnyOrder("DEU>POL>046", "POL>DEU>046");
        assertThat(ev).allSatisfy(e -> {
            assertThat(e.location()).isEqualTo("Warsaw");
            assertThat(e.date()).isEqualTo(DAY.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            assertThat(e.root()).isEqualTo("04");
            assertThat(e.quadClass()).isEqualTo(1);
            assertThat(e.plover()).isEqualTo("CONSULT");
            assertThat(e.rule()).isEqualTo("consult.talks");
        });
    }

    @Test
    void talksBetweenTwoActorsAreBoth() {
        assertThat(tuples("Observers praised the talks between Hungary and Austria."))
                .contains("HUN>AUT>046", "AUT>HUN>046");
    }

    @Test
    void negatedMeetingGivesNoEvent() {
        assertThat(tuples("The planned meeting between Japan and China did not take place.")).isEmpty();
        assertThat(tuples("Canada does not put pressure on Mexico.")).isEmpty();
        assertThat(tuples("Chile never criticised Peru.")).isEmpty();
    }

    @Test
    void passiveTakesTheAgentAsSource() {
        assertThat(tuples("Iran was criticised by France on Tuesday.")).containsExactly("FRA>IRN>111");
    }

    @Test
    void reportedSpeechCodesTheReportedClause() {
        assertThat(tuples("Vladimir Putin said that Germany criticised Poland.")).containsExactly("DEU>POL>111");
    }

    @Test
    void demonymModifierAndTitleMakeAnActor() {
        List<Event> ev = code("The Italian delegation visited Egypt.");
        assertThat(ev).hasSize(1);
        Actor src = ev.get(0).source();
        assertThat(src.code()).isEqualTo("ITA");
        assertThat(src.role()).isEqualTo("GOV");
        assertThat(src.type()).isEqualTo(Actor.ActorType.STATE);
        assertThat(src.text()).isEqualTo("Italian delegation");
        assertThat(ev.get(0).cameo()).isEqualTo("042");
        assertThat(ev.get(0).goldstein()).isEqualTo(1.9);
    }

    @Test
    void titleWithNationalityCodesAnUnknownPerson() {
        assertThat(tuples("Dutch Foreign Minister Jan Pieters criticised Belgium."))
                .containsExactly("NLD>BEL>111");
    }

    @Test
    void knownOfficeHolderHasCountryAndRole() {
        Event e = code("Sergei Lavrov accused Estonia of provocations.").get(0);
        assertThat(e.source().code()).isEqualTo("RUS");
        assertThat(e.source().role()).isEqualTo("GOV");
        assertThat(e.source().name()).isEqualTo("Sergei Lavrov");
        assertThat(e.cameo()).isEqualTo("112");
    }

    @Test
    void capitalStandsForGovernmentButNotNewspapersOrStates() {
        List<Event> ev = code("Tokyo criticised Seoul.");
        assertThat(ev).extracting(e -> e.source().code() + "/" + e.source().role() + ">" + e.target().code())
                .containsExactly("JPN/GOV>KOR");
        assertThat(tuples("The Washington Post criticised Moscow.")).isEmpty();
        assertThat(tuples("Washington state officials criticised Ottawa.")).isEmpty();
    }

    @Test
    void capitalAfterInIsAPlaceNotAnActor() {
        List<Event> ev = code("Norway criticised Sweden in Moscow.");
        assertThat(ev).extracting(e -> e.source().code() + ">" + e.target().code()).containsExactly("NOR>SWE");
        assertThat(ev.get(0).location()).isEqualTo("Moscow");
    }

    @Test
    void pronounsResolveToThePreviousSubject() {
        assertThat(tuples("Kenya hosted a regional summit. It later criticised Uganda.")).contains("KEN>UGA>111");
        assertThat(tuples("Qatar and Oman held talks. The two countries later criticised Yemen."))
                .contains("QAT>YEM>111", "OMN>YEM>111");
    }

    @Test
    void modalityGivesIntentCodes() {
        assertThat(tuples("Brazil could lift sanctions against Venezuela.")).containsExactly("BRA>VEN>0354");
    }

    @Test
    void antiModifierMarksTheTargetOfSanctions() {
        assertThat(tuples("Donald Trump imposed new anti-Iranian sanctions.")).containsExactly("USA>IRN>163");
    }

    @Test
    void adjectiveWithoutAnActorHeadIsNoActor() {
        assertThat(tuples("The Russian proverb criticised nothing.")).isEmpty();
    }

    @Test
    void statedDateResolvesAgainstTheArticleDate() {
        Event e = code("On February 27, Spain criticised Morocco.").get(0);
        assertThat(e.date()).isEqualTo(LocalDate.of(2025, 2, 27));
        assertThat(code("Spain criticised Morocco yesterday.").get(0).date()).isEqualTo(DAY.minusDays(1));
    }

    @Test
    void idsAreStableAndDistinct() {
        String text = "Germany and Poland held talks. France criticised Italy.";
        List<Event> a = code(text);
        List<Event> b = code(text);
        assertThat(a).extracting(Event::id).isEqualTo(b.stream().map(Event::id).toList());
        assertThat(a).extracting(Event::id).doesNotHaveDuplicates().allMatch(id -> id.length() == 16);
        assertThat(a.get(0).span().start()).isZero();
        assertThat(a.get(2).sentence()).isEqualTo("France criticised Italy.");
        assertThat(text.substring(a.get(2).span().start(), a.get(2).span().end())).isEqualTo(a.get(2).sentence());
    }

    @Test
    void sentenceSplittingKeepsAbbreviations() {
        String text = "U.S. officials met Mr. Smith on Jan. 5 in Washington. The talks ended.\nSkip to main content";
        assertThat(Text.sentences(text)).hasSize(3);
        assertThat(CODER.code(new CoderInput("t", text, DAY, null)).sentenceCount()).isEqualTo(3);
    }

    @Test
    void dateFallsBackToIngestionDay() {
        CodedArticle a = CODER.code(new CoderInput("t", "France criticised Italy.", null,
                java.time.Instant.parse("2024-05-06T23:00:00Z")));
        assertThat(a.events().get(0).date()).isEqualTo(LocalDate.of(2024, 5, 6));
        assertThat(a.events().get(0).ingestedAt()).isEqualTo(java.time.Instant.parse("2024-05-06T23:00:00Z"));
    }
}
