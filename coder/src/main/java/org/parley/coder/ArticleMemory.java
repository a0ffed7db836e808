package org.parley.coder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.common.Actor.ActorType;

/** What the previous sentences of one article made salient, for anaphors. One per article, never shared. */
final class ArticleMemory {
    /** The learned opinion's votes left for this article. */
    private final LearnedOpinion.Budget votes = new LearnedOpinion.Budget();

    LearnedOpinion.Budget votes() {
        return votes;
    }

    private ActorRef focus;
    private final List<ActorRef> recent = new ArrayList<>();
    private ActorRef lastPerson;
    private int lastPersonSentence = -10;
    private int sentence;

    /** People introduced with a country and title, by surname ("Kupfer", later "Mr Kupfer"). */
    private final Map<String, ActorRef> surnames = new HashMap<>();
    /** The actor last introduced with each title ("prime minister"), for "the prime minister" later. */
    private final Map<String, ActorRef> titles = new HashMap<>();

    private static final java.util.Set<String> ENVOYS = java.util.Set.of("ambassador", "envoy", "charge d'affaires",
            "chargé d'affaires", "diplomat", "consul");

    /** Someone named with a country and title: found again by surname and by title alone. */
    void introduce(String surname, String title, ActorRef who) {
        if (surname != null) {
            surnames.put(surname, who);
        }
        if (title != null) {
            titles.put(title, who);
            if (ENVOYS.contains(title)) {
                titles.put("embassy", who); // "the Chinese ambassador ... the embassy later said": his embassy
            }
            int of = title.indexOf(" of ");
            if (of > 0) {
                titles.put(title.substring(0, of), who); // "secretary of energy", later "the secretary"
            } else if (title.indexOf(' ') > 0) {
                titles.put(title.substring(title.lastIndexOf(' ') + 1), who); // "foreign ministry", "the ministry"
            }
        }
    }

    /** The person introduced earlier in the article under this surname (lower case), or null. */
    ActorRef bySurname(String surname) {
        return surnames.get(surname);
    }

    /** The actor introduced earlier in the article with this title (lower-case words), or null. */
    ActorRef byTitle(String title) {
        return titles.get(title);
    }

    /** The sentence in which each code was last named. */
    private final Map<String, Integer> seenAt = new HashMap<>();
    private int focusSentence = -10;

    private void remember(ActorRef r) {
        seenAt.put(r.code(), sentence);
        recent.removeIf(x -> x.code().equals(r.code()));
        recent.add(r);
        if (recent.size() > 12) {
            recent.remove(0);
        }
    }

    ActorRef lastState() {
        for (int i = recent.size() - 1; i >= 0; i--) {
            if (recent.get(i).type() == ActorType.STATE) {
                return recent.get(i);
            }
        }
        return null;
    }

    /**
     * The actors an anaphor of class {@code cls} (ONE, STATE, HOME, PAIR) points to; {@code earlier}: this sentence's.
     */
    List<ActorRef> resolve(String cls, boolean pronoun, List<Mention> earlier) {
        if (cls.equals("PAIR")) {
            return lastPair(earlier, pronoun ? 1 : 3);
        }
        if (cls.equals("HOME")) {
            // "According to the French minister, it was a surprise for his country": the minister's, not the focus
            ActorRef one = officeHolderInSentence(earlier);
            one = one != null ? one : person(1);
            return one != null ? List.of(countryOf(one)) : resolve("STATE", false, earlier);
        }
        ActorRef same = cls.equals("ONE") ? earlierInSentence(earlier, false) : pronoun && cls.equals("STATE")
                ? earlierInSentence(earlier, true) : null;
        if (same != null) {
            return List.of(same); // "Obama said he would ...", "Israel said a shell was fired at it"
        }
        ActorRef r = cls.equals("ONE") ? person(pronoun ? 1 : 2) : state(pronoun ? 1 : 3);
        return r == null ? List.of() : List.of(r);
    }

    /**
     * What "its" or "their" points to: the nearest actor named before it in the sentence ("Chinese citizens
     * criticised their government"), never a person; else the state in focus.
     */
    List<ActorRef> resolveOwner(List<Mention> earlier) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Mention m = earlier.get(i);
            ActorRef r = m.refs().get(0);
            if (!m.place() && !m.anaphor() && !r.person()) {
                return List.of(r);
            }
        }
        ActorRef r = state(1);
        return r == null ? List.of() : List.of(r);
    }

    /**
     * A person or state named in the sentence before the anaphor. Pronouns reach back one sentence, other anaphors
     * ("the president", "this country") a few: a pronoun further away is more often someone the article never
     * named (an interviewer, a crowd) than the last actor it did.
     */
    private ActorRef earlierInSentence(List<Mention> earlier, boolean state) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Mention m = earlier.get(i);
            ActorRef r = m.refs().get(0);
            if (!m.place() && !m.anti() && !m.anaphor() && (state ? r.type() == ActorType.STATE : r.person())) {
                return r;
            }
        }
        return null;
    }

    private ActorRef person(int reach) {
        if (lastPerson != null && sentence - lastPersonSentence <= reach) {
            return lastPerson;
        }
        return focus != null && focus.person() && sentence - focusSentence <= reach ? focus : null;
    }

    private ActorRef state(int reach) {
        if (focus != null && focus.type() == ActorType.STATE && sentence - focusSentence <= reach) {
            return focus;
        }
        ActorRef st = lastState();
        Integer at = st == null ? null : seenAt.get(st.code());
        return at != null && sentence - at <= reach ? st : null;
    }

    /** How many events of the article so far were between each pair of states (either way), by "A|B". */
    private final Map<String, Integer> dyadCounts = new HashMap<>();
    private final Map<String, List<ActorRef>> dyadRefs = new HashMap<>();
    private List<ActorRef> mainPair = List.of();

    /** After a sentence's events: the pair of states with the most events is what "the two sides" means. */
    void rememberEvents(List<org.parley.common.Event> events) {
        for (org.parley.common.Event e : events) {
            if (e.target() == null || e.source().type() != ActorType.STATE || e.target().type() != ActorType.STATE
                    || e.source().code().equals(e.target().code())) {
                continue;
            }
            boolean ordered = e.source().code().compareTo(e.target().code()) < 0;
            String key = ordered ? e.source().code() + "|" + e.target().code()
                    : e.target().code() + "|" + e.source().code();
            int count = dyadCounts.merge(key, 1, Integer::sum);
            dyadRefs.putIfAbsent(key, List.of(refOf(e.source()), refOf(e.target())));
            int best = mainPair.isEmpty() ? 0 : dyadCounts.getOrDefault(pairKey(mainPair), 0);
            if (count >= best) {
                mainPair = dyadRefs.get(key);
            }
        }
    }

    private static String pairKey(List<ActorRef> pair) {
        String a = pair.get(0).code();
        String b = pair.get(1).code();
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    /** The last person or holder of a title ("the French minister") named in the sentence before, or null. */
    private static ActorRef officeHolderInSentence(List<Mention> earlier) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Mention m = earlier.get(i);
            ActorRef r = m.refs().get(0);
            if (!m.place() && !m.anti() && !m.anaphor() && (r.person() || r.role() != null)
                    && !EventCoder.UNKNOWN.equals(r.code())) {
                return r;
            }
        }
        return null;
    }

    /** A person's country, named as the article last named it (else by its code). */
    private ActorRef countryOf(ActorRef person) {
        for (int i = recent.size() - 1; i >= 0; i--) {
            ActorRef r = recent.get(i);
            if (r.code().equals(person.code()) && !r.person() && r.role() == null) {
                return r;
            }
        }
        return new ActorRef(person.code(), person.type(), null, person.code(), null, false);
    }

    private static ActorRef refOf(org.parley.common.Actor a) {
        return new ActorRef(a.code(), a.type(), a.role(), a.name(), a.text(), false);
    }

    /**
     * "the two powers", "the sides": the pair of states the article's events have been between most often (ties
     * to the latest), else (and for "they") the last two states named.
     */
    private List<ActorRef> lastPair(List<Mention> earlier, int reach) {
        if (reach > 1 && !mainPair.isEmpty()) { // not for "they", which is more often the last two named
            return mainPair;
        }
        List<ActorRef> pool = new ArrayList<>();
        for (ActorRef r : recent) {
            if (sentence - seenAt.getOrDefault(r.code(), -100) <= reach) {
                pool.add(r);
            }
        }
        for (Mention m : earlier) {
            if (!m.place() && !m.anti()) {
                pool.addAll(m.refs());
            }
        }
        List<ActorRef> pair = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = pool.size() - 1; i >= 0 && pair.size() < 2; i--) {
            ActorRef r = pool.get(i);
            if (seen.add(r.code()) && r.type() == ActorType.STATE) {
                pair.add(0, r);
            }
        }
        return pair.size() == 2 ? pair : List.of();
    }

    /** After a sentence: its first source (else first named actor) becomes the focus. */
    void rememberSentence(List<Mention> mentions, ActorRef firstSource) {
        ActorRef subject = firstSource;
        for (Mention m : mentions) {
            if (m.place() || m.anti()) {
                continue;
            }
            for (ActorRef r : m.refs()) {
                if (subject == null && !m.anaphor()) {
                    subject = r;
                }
                if (r.person() && !m.anaphor()) {
                    lastPerson = r;
                    lastPersonSentence = sentence;
                }
                remember(r);
            }
        }
        if (subject != null) {
            focus = subject;
            focusSentence = sentence;
        }
        sentence++;
    }
}
