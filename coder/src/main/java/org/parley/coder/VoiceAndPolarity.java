package org.parley.coder;

import java.util.List;
import java.util.Set;

/**
 * Voice and polarity of a matched action: whether it is passive ("was detained in Dubai"), negated ("did not",
 * "failed to", "was called off") or only possible ("could", "plans", "vowed"). Word tests on one clause, no rules.
 */
final class VoiceAndPolarity {
    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "without", "cannot", "neither", "nor");
    private static final Set<String> MODALS = Set.of("could", "might", "may", "ready", "willing",
            "intends", "intend", "plans", "plan", "offered", "offers", "offer", "proposed", "would", "hopes", "seeks",
            "want", "wants", "wanted", "threatened", "threatens", "vowed", "vows", "aims", "pledged", "pledges",
            "promised", "promises", "expected");
    private static final Set<String> BE = Set.of("was", "were", "been", "being", "is", "are", "be");

    private VoiceAndPolarity() {
    }

    static boolean negatedAt(String[] words, int t, int end, int segStart, int segEnd) {
        if (t >= 2 && words[t - 1].equals("to") && words[t - 2].startsWith("fail")) {
            return true; // "failed to renew the embargo", "fails to reach a deal"
        }
        for (int i = t - 1; i >= Math.max(segStart + 1, t - 8); i--) {
            if (words[i].equals("longer") && words[i - 1].equals("no")) {
                return true;
            }
        }
        for (int i = t - 1; i >= Math.max(segStart, t - 4); i--) {
            if (NEGATIONS.contains(words[i]) || words[i].endsWith("n't")) {
                return true;
            }
        }
        for (int i = end; i < segEnd; i++) {
            String w = words[i];
            // "the talks were postponed", not "agreed to postpone a protest" (what was agreed)
            if ((w.startsWith("cancel") || w.startsWith("postpon")) && !words[i - 1].equals("to")
                    || w.equals("called") && i + 1 < segEnd && words[i + 1].equals("off")) {
                return true;
            }
            if ((NEGATIONS.contains(w) || w.endsWith("n't")) && i + 1 < segEnd) {
                String next = words[i + 1];
                if (next.equals("take") || next.equals("took") || next.startsWith("happen")
                        || next.startsWith("occur") || next.startsWith("materiali")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "would not give permission", "will not send troops", "won't meet": a future negated right before the act. */
    static boolean refusedAhead(String[] words, int t, int segStart) {
        for (int i = t - 1; i >= Math.max(segStart + 1, t - 3); i--) {
            if (words[i].equals("not") && (words[i - 1].equals("will") || words[i - 1].equals("would"))
                    || words[i].equals("won't") || words[i].equals("wo") && words[i + 1].equals("n't")) {
                return true;
            }
        }
        return false;
    }

    /** A modal word up to four words before the trigger, or inside it. */
    static boolean modalAt(List<Token> toks, String[] words, int segStart, int t, int end) {
        boolean modal = false;
        for (int i = Math.max(segStart, t - 4); i < end; i++) {
            // "Theresa May stepped down", "in May": a capitalised "May" inside a sentence is a name or a month
            boolean nameOrMonth = i > 0 && toks.get(i).isCapitalised();
            if (MODALS.contains(words[i]) && !nameOrMonth) {
                modal = true;
            }
        }
        return modal;
    }

    /** "were detained in Dubai": "in" before a place ends a passive, unlike "was engaged in talks". */
    private static boolean placeAt(List<Mention> mentions, int i) {
        for (Mention m : mentions) {
            if (m.start() == i && m.place()) {
                return true;
            }
        }
        return false;
    }

    /** Past participles that end in neither -ed nor -en: "was shot", "were struck", "was held". */
    private static final Set<String> IRREGULAR_PARTICIPLES = Set.of("held", "met", "shot", "hit", "struck", "hurt",
            "caught", "kept", "sent", "brought", "fought", "sought", "told", "sold", "led", "built", "won", "cut",
            "found", "slain", "shut", "lost", "paid", "bought", "stuck", "swept", "burnt", "thrust", "blown", "thrown",
            "overthrown", "shown", "drawn", "withdrawn", "torn", "sworn", "seen", "done", "hung", "dealt", "laid",
            "spent", "beat");

    /** Participles that with "in" state a condition, not a passive act: "was engaged in talks", "is based in". */
    private static final Set<String> STATES_IN = Set.of("engaged", "involved", "interested", "included", "located",
            "based", "embroiled", "rooted", "trapped", "caught", "mired", "locked", "held");

    /** "was criticised", "were held", but not "was engaged in", "is committed to". */
    static boolean passiveAt(String[] words, List<Mention> mentions, int t, int end) {
        int n = words.length;
        boolean passive = false;
        for (int p = t; p < end && !passive; p++) {
            passive = (p >= 1 && BE.contains(words[p - 1]) || p >= 2 && BE.contains(words[p - 2]))
                    && (words[p].endsWith("ed") || words[p].endsWith("en") || IRREGULAR_PARTICIPLES.contains(words[p]))
                    && !(p + 1 < n && (words[p + 1].equals("in") && STATES_IN.contains(words[p])
                    && !placeAt(mentions, p + 2) || words[p + 1].equals("to") || words[p + 1].equals("with")
                    || words[p + 1].equals("about")));
        }
        return passive;
    }
}
