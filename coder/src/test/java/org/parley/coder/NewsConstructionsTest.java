package org.parley.coder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Event;

/**
 * Constructions of wire news beyond diplomacy: actors of unknown country, armed groups, nationality modifiers,
 * "received X from Y", infinitive complements, claims. Sentences written for this test.
 */
class NewsConstructionsTest {
    private static final EventCoder CODER = EventCoder.strictForTests();
    private static final LocalDate DAY = LocalDate.of(2024, 5, 15);

    private static List<Event> code(String text) {
        return CODER.code(new CoderInput("t", text, DAY, null)).events();
    }

    private static List<String> tuples(String text) {
        return EventTuples.of(code(text));
    }

    @Test
    void roleNounWithoutCountryIsAnActorOfUnknownCountry() {
        List<Event> ev = code("Militants ambushed a Nigerian army convoy near Maiduguri.");
        assertThat(ev).extracting(e -> e.source().code() + ">" + e.target().code() + ">" + e.root())
                .containsExactly("--->NGA>19");
        assertThat(ev.get(0).source().type()).isEqualTo(Actor.ActorType.GROUP);
        assertThat(ev.get(0).source().role()).isEqualTo("REB");
    }

    @Test
    void demonymWithRoleNounKeepsItsCountry() {
        assertThat(tuples("Malian soldiers attacked Tuareg rebels in the north."))
                .containsExactly("MLI>--->190");
    }

    @Test
    void namedArmedGroupsHaveDocumentedCodes() {
        assertThat(tuples("Hezbollah fired rockets at Israel on Sunday.")).containsExactly("LBN>ISR>194");
        List<Event> ev = code("The Islamic State attacked Iraqi police in Anbar.");
        assertThat(ev).extracting(e -> e.source().code()).containsOnly("IMG");
        assertThat(ev.get(0).source().name()).isEqualTo("Islamic State");
        assertThat(tuples("Farmers demanded a strict Islamic state in the region.")).isEmpty();
    }

    @Test
    void nationalityBeforeAnActionNounIsItsSource() {
        assertThat(tuples("Three civilians died in Turkish shelling of Syria on Friday."))
                .contains("TUR>SYR>194");
    }

    @Test
    void receivingFromMakesTheGiverTheSource() {
        assertThat(tuples("Ukraine received weapons from Poland.")).containsExactly("POL>UKR>072");
        assertThat(tuples("Serbia faces pressure from Germany over Kosovo.")).containsExactly("DEU>SRB>100");
    }

    @Test
    void infinitiveAfterAnActionIsItsContentNotASecondAct() {
        assertThat(tuples("Peru wants Chile to attack Bolivia.")).containsExactly("PER>CHL>020");
        assertThat(tuples("Sweden and Norway met in Oslo to discuss fishing.")).extracting(s -> s.substring(8))
                .containsOnly("040");
    }

    @Test
    void intendedViolenceIsAThreat() {
        assertThat(tuples("Armenia wants to attack Azerbaijan.")).containsExactly("ARM>AZE>138");
    }

    @Test
    void allegingThatSomeoneActedIsAnAccusation() {
        assertThat(tuples("Kenya alleged that Somalia had armed the gunmen.")).contains("KEN>SOM>112");
    }

    @Test
    void fireAtACountryTargetsIt() {
        assertThat(tuples("Greece fired warning shots at Turkey.")).contains("GRC>TUR>190");
    }

    @Test
    void institutionInACountryIsThatCountrysInstitution() {
        assertThat(code("A court in Ghana has issued an arrest warrant for a Senegalese man."))
                .extracting(e -> e.source().code() + "/" + e.source().role() + ">" + e.target().code() + ">" + e.root())
                .containsExactly("GHA/JUD>SEN>17");
    }

    @Test
    void heResolvesToThePersonNamedEarlierInTheSentence() {
        assertThat(tuples("Biden said he would not provide support to Israel.")).containsExactly("USA>ISR>121");
    }

    @Test
    void placeTargetsGiveOneDirection() {
        assertThat(tuples("Poland and Lithuania will meet in Zurich.")).contains("POL>CHE>040", "LTU>CHE>040")
                .doesNotContain("CHE>POL>040", "CHE>LTU>040");
    }

    @Test
    void violenceWithAnUnnamedObjectIsStillAnEvent() {
        assertThat(tuples("Ethiopian troops shelled a market in the north.")).containsExactly("ETH>->194");
    }

    @Test
    void proCountryGroupsAreNotThatCountry() {
        assertThat(tuples("Pro-Russia rebels shelled Mariupol.")).doesNotContain("RUS>UKR>194");
        assertThat(tuples("Pro-Russia rebels attacked Ukrainian troops.")).containsExactly("--->UKR>190");
    }

    @Test
    void reportedHostilityIsAnAccusation() {
        assertThat(tuples("Israel said rockets were fired at it from Lebanon."))
                .containsExactlyInAnyOrder("LBN>ISR>194", "ISR>LBN>112");
        assertThat(tuples("Vladimir Putin said that Germany criticised Poland.")).containsExactly("DEU>POL>111");
    }

    @Test
    void infinitiveCompletingANounGivesNoTargetlessEvent() {
        assertThat(tuples("France made a threat to boycott the ceremony.")).isEmpty();
    }

    @Test
    void congratulationsPrisonerSwapsAndFrozenAssets() {
        assertThat(tuples("The Kenyan president congratulated Tanzania's new president on his victory."))
                .contains("KEN>TZA>051");
        assertThat(tuples("Armenia and Azerbaijan exchanged prisoners on Sunday."))
                .contains("ARM>AZE>0841", "AZE>ARM>0841");
        assertThat(tuples("Canada froze the assets of Belarusian officials.")).contains("CAN>BLR>163");
    }

    @Test
    void foundGuiltyIsAVerdictNotAnArrest() {
        assertThat(tuples("A Kenyan court found two Somali men guilty of smuggling weapons."))
                .containsExactly("KEN>SOM>116");
    }

    @Test
    void americanSamoaIsNeitherSamoaNorTheUnitedStates() {
        assertThat(tuples("The government of American Samoa criticised the Congress.")).contains("ASM>USA>111");
        // "American" before a noun stays a modifier, though a territory's name begins with it
        assertThat(tuples("Europe refuses to purchase American cars.")).noneMatch(t -> t.contains(">USA>"));
    }

    @Test
    void joiningSomeoneForTalksIsMeetingThem() {
        assertThat(tuples("The Kenyan president will join Ugandan President Yoweri Museveni for talks over dinner."))
                .contains("KEN>UGA>040", "UGA>KEN>040");
        assertThat(tuples("Ghana joined the war against Togo.")).noneMatch(t -> t.endsWith(">040"));
    }

    @Test
    void aidForPeopleInAPlaceIsAidToItsCountry() {
        assertThat(tuples("Norway announced new humanitarian aid for families in Yemen.")).contains("NOR>YEM>073");
        assertThat(tuples("Japan's economic assistance in Laos grew last year.")).contains("JPN>LAO>071");
    }

    @Test
    void givingSomeoneAWarningThreatensThem() {
        assertThat(tuples("The Kenyan president gave his Ugandan counterpart a stern warning to stop the raids."))
                .contains("KEN>UGA>130");
        assertThat(tuples("The Kenyan police issued a weather warning.")).isEmpty();
    }

    @Test
    void announcingACeasefireOrACessationOfHostilitiesDeclaresATruce() {
        assertThat(tuples("The Ethiopian government announced a unilateral ceasefire.")).contains("ETH>->0871");
        assertThat(tuples("The Sudanese army declared a cessation of hostilities with South Sudan."))
                .anyMatch(t -> t.startsWith("SDN>") && t.endsWith(">0871"));
    }

    @Test
    void medicalGoodsGivenToAStateAreHumanitarianAid() {
        assertThat(tuples("Japan gave medical equipment to Laos.")).contains("JPN>LAO>073");
    }

    @Test
    void aTaxOnAnotherStatesFirmsDroppedEasesASanction() {
        assertThat(tuples("France suspended its digital tax on American tech companies.")).contains("FRA>USA>085");
    }

    @Test
    void civiliansHeldAsHumanShieldsAreHostages() {
        assertThat(tuples("Boko Haram fighters held villagers as human shields in Chad."))
                .anyMatch(t -> t.endsWith(">TCD>181"));
    }

    @Test
    void suspendingAirLinksReducesRelations() {
        assertThat(tuples("Morocco suspended air links with Spain.")).contains("MAR>ESP>160");
    }

    @Test
    void beginningAMilitaryOperationIsLaunchingIt() {
        assertThat(tuples("Ethiopia said it would begin a military operation against Eritrea."))
                .contains("ETH>ERI>138");
    }

    @Test
    void liftingEmbargoesEasesSanctions() {
        assertThat(tuples("Washington agreed to lift its embargoes on Cuba.")).contains("USA>CUB>0354")
                .noneMatch(t -> t.endsWith(">163"));
    }

    @Test
    void aCountrysPeopleProtestAgainstItsGovernment() {
        assertThat(tuples("Thousands of Hungarians rallied in Budapest against Prime Minister Viktor Orban's government."))
                .anyMatch(t -> t.startsWith("HUN>HUN>14"));
        assertThat(tuples("Dozens of Cuban artists staged a sit-in outside the culture ministry in Havana."))
                .anyMatch(t -> t.startsWith("CUB>CUB>14"));
    }

    @Test
    void blockingRoadsIsAProtestByPeopleAndARestrictionByForces() {
        assertThat(tuples("Greek truckers blocked the border crossing with Bulgaria on Monday."))
                .anyMatch(t -> t.startsWith("GRC>BGR>144"));
        assertThat(tuples("Turkish police blocked the roads to Taksim Square on Sunday."))
                .anyMatch(t -> t.startsWith("TUR>") && t.endsWith(">191"));
        assertThat(tuples("Israeli forces demolished a Palestinian school near Hebron on Monday."))
                .contains("ISR>PSE>1712");
    }

    @Test
    void aCoalitionLedByAStateIsThatStates() {
        assertThat(tuples("The Saudi-led coalition carried out airstrikes on Sanaa on Monday."))
                .anyMatch(t -> t.startsWith("SAU>YEM>19"));
    }

    @Test
    void violenceAgainstUnnamedPeopleIsCodedAndExecutingAPlanIsNot() {
        assertThat(tuples("Chadian soldiers raped dozens of women in the village.")).contains("TCD>--->1821");
        assertThat(tuples("Eritrean soldiers executed dozens of civilians in the Tigray town of Axum."))
                .anyMatch(t -> t.startsWith("ERI>") && t.endsWith(">180"));
        assertThat(tuples("The government of Fiji executed a planned shutdown of public services.")).isEmpty();
    }

    @Test
    void strikesBegunAreProtestsAndRalliesInAPlaceAreToo() {
        assertThat(tuples("Jailed Egyptian activists began a hunger strike on Monday.")).contains("EGY>->142");
        assertThat(tuples("Thousands of Kenyans rallied in Nairobi against the finance bill."))
                .anyMatch(t -> t.startsWith("KEN>KEN>14"));
    }

    @Test
    void aidSuspendedOrFrozenIsAidCutNotAidGivenWhateverTheSum() {
        assertThat(tuples("Canada froze nearly $300 million in military aid to Egypt on Friday."))
                .contains("CAN>EGY>162").noneMatch(t -> t.contains(">07"));
        assertThat(tuples("Sweden suspended hundreds of millions of dollars in development assistance to Mali."))
                .contains("SWE>MLI>162");
        assertThat(tuples("Kenya scaled back ties with Somalia on Thursday.")).contains("KEN>SOM>161");
        assertThat(tuples("Turkey suspended its friendship treaty with Greece.")).contains("TUR>GRC>160");
    }

    @Test
    void aWelcomeToAPlaceIsAHostedVisitAndAnOfferingIsNoOffer() {
        assertThat(tuples("Indian Prime Minister Narendra Modi welcomed Australian Prime Minister Anthony Albanese to "
                + "New Delhi on Friday.")).contains("IND>AUS>043");
        assertThat(tuples("Chile and Peru held a video conference on Tuesday on border trade."))
                .contains("CHL>PER>041", "PER>CHL>041");
        assertThat(tuples("South Korea's president sent a ritual offering to a shrine on Friday.")).isEmpty();
    }

    @Test
    void mobilisingReservistsAndDeployingPoliceShowForceWithoutATarget() {
        assertThat(tuples("Azerbaijan ordered a partial mobilisation of military reservists on Tuesday."))
                .contains("AZE>->154");
        assertThat(tuples("Kenyan authorities deployed thousands of police around Nairobi ahead of the march."))
                .anyMatch(t -> t.startsWith("KEN>") && t.endsWith(">153"));
    }

    @Test
    void aSpokespersonForAnInstitutionSpeaksForIt() {
        assertThat(tuples("A spokeswoman for Poland's foreign ministry criticised Belarus on Monday."))
                .anyMatch(t -> t.startsWith("POL>BLR>11"));
    }

    @Test
    void compoundMinisterialTitlesNameAGovernmentActor() {
        assertThat(tuples("Indian External Affairs Minister Subrahmanyam Jaishankar met Chinese officials on Thursday."))
                .anyMatch(t -> t.startsWith("IND>CHN>04"));
    }

    @Test
    void aCountryAfterInTheIsWhereNotWho() {
        assertThat(tuples("The attack followed two mass shootings in the United States that week, killing nine."))
                .noneMatch(t -> t.startsWith("USA>"));
    }

    @Test
    void fightingBetweenTwoPartiesIsTheirsWhateverTheTaggerSays() {
        assertThat(tuples("Fighting between Ethiopian and Eritrean troops broke out on Sunday."))
                .contains("ETH>ERI>190", "ERI>ETH>190");
    }

    @Test
    void anUnnamedCrowdProtests() {
        assertThat(tuples("More than a million people marched across Serbia on Saturday against President Aleksandar Vucic's "
                + "government.")).anyMatch(t -> t.endsWith(">SRB>141"));
    }

    @Test
    void goodsHandedOverInABatchAreAid() {
        assertThat(tuples("Japan handed Laos a consignment of fire engines on Tuesday.")).contains("JPN>LAO>070");
        assertThat(tuples("India donated a shipment of medicines to Nepal.")).contains("IND>NPL>070");
    }

    @Test
    void aNationalCongressIsTheLegislatureOfTheCountryInContext() {
        assertThat(tuples("Brazil's president met union leaders on Monday. Thousands of people gathered outside the "
                + "National Congress to protest against the government.")).anyMatch(t -> t.endsWith(">BRA>141"))
                .noneMatch(t -> t.contains("USA"));
    }
}
