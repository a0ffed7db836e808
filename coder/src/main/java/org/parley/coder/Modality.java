package org.parley.coder;

import java.util.Set;

/**
 * How a clause frames its verb: done, intended, refused, or only possible. "Agreed to provide", "vowed to
 * retaliate" and "refused to release" are not the acts themselves; CAMEO codes them as intents (root 03),
 * threats (13) and rejections (12). Parley's own rules carry their intent codes ({@code intent=}); this class
 * derives them for the imported PETRARCH rules from the act's root.
 */
final class Modality {
    enum Frame { ACT, INTENT, REFUSAL, SPECULATION, OTHER }

    /** Verbs and adjectives before "to" whose infinitive is the subject's intended act. */
    private static final Set<String> INTENT = Set.of("agree", "agreed", "agrees", "decide", "decided", "decides",
            "pledge", "pledged", "pledges", "promise", "promised", "promises", "vow", "vowed", "vows", "plan", "planned",
            "plans", "planning", "intend", "intended", "intends", "offer", "offered", "offers", "prepare", "prepared",
            "prepares", "ready", "willing", "aim", "aims", "aimed", "seek", "seeks", "sought", "want", "wants", "wanted",
            "hope", "hopes", "hoped", "expect", "expects", "expected", "threaten", "threatened", "threatens", "going", "set", "likely", "determined", "committed", "eager", "keen", "warn", "warned",
            "warns", "intent", "intention", "intentions", "readiness", "willingness", "desire", "commitment");
    /** Verbs before "to" that state the act as happening. */
    private static final Set<String> ACT = Set.of("begin", "began", "begun", "begins", "start", "started", "starts",
            "continue", "continued", "continues", "resume", "resumed", "resumes", "manage", "managed", "manages",
            "try", "tried", "tries", "trying", "attempt", "attempted", "attempts", "move", "moved", "moves", "went",
            "came", "come", "comes",
            "proceed", "proceeded");
    private static final Set<String> REFUSAL = Set.of("refuse", "refused", "refuses", "decline", "declined",
            "declines", "reject", "rejected", "rejects", "fail", "failed", "fails", "unwilling", "reluctant");
    private static final Set<String> HEDGES = Set.of("at", "least", "even", "also", "first");
    private static final Set<String> TRYING = Set.of("try", "attempt", "seek", "begin", "start", "continue");
    private static final Set<String> SPECULATIVE = Set.of("could", "might", "may", "can", "should", "must");
    private static final Set<String> FUTURE = Set.of("will", "would", "shall", "'ll");

    /**
     * Verbs that ask or permit an act of their object without saying it happened: "asked Obama to help Iran", "a
     * law to allow the mainland to extradite suspects".
     */
    private static final Set<String> REQUEST = Set.of("ask", "asks", "asked", "asking", "urge", "urges", "urged",
            "urging", "press", "presses", "pressed", "pressing", "pressure", "pressures", "pressured", "pressuring",
            "push", "pushes", "pushed", "pushing", "encourage", "encourages", "encouraged", "encouraging", "invite",
            "invites", "invited", "inviting", "tell", "tells", "told", "order", "orders", "ordered", "want", "wants",
            "wanted", "demand", "demands", "demanded", "request", "requests", "requested", "appeal", "appeals",
            "appealed", "call", "calls", "called", "calling", "permission", "allow", "allows", "allowed", "allowing",
            "permit", "permits", "permitted", "permitting", "enable", "enables", "enabled", "enabling");

    private Modality() {
    }

    /**
     * Whether the infinitive at {@code t} is an act a request asks of someone else ("Congress is asking Obama to
     * help Iran", "pressured by Congress to help Iran"): the requested act has not happened; the request is the
     * event. A request with nothing before "to" ("wants to help") is the subject's own intent.
     */
    static boolean requestedOfOther(Sentence s, Syntax syn, int t) {
        String[] w = s.words();
        int to = t - 1;
        while (to > t - 4 && to > 0 && !w[to].equals("to")) {
            to--; // the act may be the infinitive's object: "pressed the government to send aid"
        }
        if (to < 1 || !w[to].equals("to") || to + 1 < t && !syn.isVerb(to + 1)) {
            return false;
        }
        int from = to - 1 > 0 && w[to - 1].equals(",") ? parentheticalStart(w, to - 1) : to - 1;
        for (int k = from - 1; k >= Math.max(0, from - 7) && s.seg()[k] == s.seg()[Math.max(0, from - 1)]; k--) {
            if (w[k].equals("and") || w[k].equals(",")) {
                return false;
            }
            if (REQUEST.contains(w[k])) {
                return true;
            }
        }
        return false;
    }

    /** Verbs whose "that" clause states an act wanted of its subject, not done: "demanded that Russia withdraw". */
    private static final Set<String> WANTING_THAT = Set.of("demand", "demands", "demanded", "demanding", "insist",
            "insists", "insisted", "urge", "urges", "urged", "ask", "asks", "asked", "request", "requests",
            "requested", "recommend", "recommends", "recommended", "propose", "proposes", "proposed");

    /**
     * Whether the verb at {@code t} is the act a demand's "that" clause asks for ("demanded on Monday that Russia
     * hand over the data"): the clause has no verb before {@code t} and the word before its "that", past a time
     * phrase, is a verb of wanting. English puts such a verb in its base form (the subjunctive), so an act in the
     * past tense ("insisted that Russia had withdrawn") is a claim about what was done and stays.
     */
    static boolean demandedThat(Sentence s, Syntax syn, int t) {
        String[] w = s.words();
        if (w[t].endsWith("ed") || w[t].endsWith("s") && !w[t].endsWith("ss")) {
            return false;
        }
        int that = t - 1;
        while (that > 0 && !w[that].equals("that") && !syn.isVerb(that) && !syn.tag(that).equals("AUX")) {
            that--;
        }
        if (that < 1 || !w[that].equals("that")) {
            return false;
        }
        int k = that - 1;
        while (k > 0 && k > that - 4 && !WANTING_THAT.contains(w[k]) && (syn.tag(k).equals("PROPN")
                || syn.tag(k).equals("ADP") || syn.tag(k).equals("ADV") || syn.tag(k).equals("NOUN"))) {
            k--; // "demanded on Monday that", "urged publicly that"
        }
        return WANTING_THAT.contains(w[k]);
    }

    /**
     * "asked the president, who is backed by the army, to resign": where the relative clause that closes at
     * {@code comma} opens, or {@code comma} when none does.
     */
    private static int parentheticalStart(String[] w, int comma) {
        for (int k = comma - 1; k >= Math.max(1, comma - 12); k--) {
            if (w[k].equals(",")) {
                return Clauses.RELATIVE.contains(w[k + 1]) ? k : comma;
            }
        }
        return comma;
    }

    /** The frame of the verb at {@code t}: from the word that governs its infinitive, or its auxiliaries. */
    static Frame frame(Sentence s, Syntax syn, int t) {
        Frame f = infinitiveFrame(s, syn, t);
        if (f != null) {
            return f;
        }
        String[] w = s.words();
        for (int k = t - 1; k >= Math.max(0, t - 3) && s.seg()[k] == s.seg()[t]; k--) {
            if (SPECULATIVE.contains(w[k]) && !(w[k].equals("could") && w[k + 1].equals("only"))) {
                return Frame.SPECULATION; // "could only express his gratitude" says he did
            }
            if (FUTURE.contains(w[k])) {
                return Frame.INTENT;
            }
        }
        return Frame.ACT;
    }

    /** The frame a governing word gives an infinitive ("agreed to extradite"); null when {@code t} is none. */
    static Frame infinitiveFrame(Sentence s, Syntax syn, int t) {
        String[] w = s.words();
        int i = t - 1;
        while (i >= 0 && s.seg()[i] == s.seg()[t] && (syn.tag(i).equals("ADV") || HEDGES.contains(w[i]))) {
            i--; // "to at least try"
        }
        if (i >= 0 && w[i].equals("to") && s.seg()[i] == s.seg()[t]) {
            int c = timePhraseStart(w, i);
            while (c >= 0 && (syn.tag(c).equals("ADV") || syn.tag(c).equals("PART"))) {
                c--;
            }
            String gov = c >= 0 ? w[c] : "";
            if (TRYING.contains(gov)) { // "aims to at least try to improve": the frame of the trying
                Frame up = infinitiveFrame(s, syn, c);
                if (up != null) {
                    return up;
                }
            }
            return INTENT.contains(gov) ? Frame.INTENT : ACT.contains(gov) ? Frame.ACT
                    : REFUSAL.contains(gov) ? Frame.REFUSAL : Frame.OTHER;
        }
        return null;
    }

    private static final Set<String> WHEN = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "today", "yesterday", "tonight", "overnight", "again", "week", "month", "year");

    /**
     * The word before a time phrase that ends before {@code to}, or {@code to - 1} when there is none: wire copy puts
     * the day between a verb and its infinitive ("refused on Friday to resign", "agreed last week to extend").
     */
    private static int timePhraseStart(String[] w, int to) {
        for (int len = 2; len >= 1; len--) {
            if (to - len >= 1 && timePhraseAt(w, to - len) == len) {
                return to - len - 1;
            }
        }
        return to - 1;
    }

    private static final Set<String> BEFORE_WHEN = Set.of("on", "last", "this", "early", "late");

    /** How many words of a time phrase start at {@code i} ("on Friday", "yesterday"): 0, 1 or 2. */
    static int timePhraseAt(String[] w, int i) {
        if (i < w.length && WHEN.contains(w[i])) {
            return 1;
        }
        return i + 1 < w.length && WHEN.contains(w[i + 1]) && BEFORE_WHEN.contains(w[i]) ? 2 : 0;
    }

    /** The code of an intended or threatened act of {@code code}; null when CAMEO has none (statements). */
    static String intentCode(String code) {
        return switch (code.substring(0, 2)) {
            case "03", "13" -> code;
            case "04" -> "036";
            case "05" -> "032";
            case "06" -> "031";
            case "07" -> "033";
            case "08" -> "035";
            case "10", "11", "12" -> code;
            case "14" -> "130";
            case "16" -> "1311";
            case "17" -> "131";
            case "15", "18", "19", "20" -> "138";
            default -> null;
        };
    }

    /**
     * Refusing a cooperative act rejects (12), by what was refused: to meet (125), material cooperation (121) or aid
     * (122), or to yield (124: sanctions 1244, release 1243, de-escalation 1246); refusing a hostile act is no event.
     */
    static String refusalCode(String code) {
        int root = Integer.parseInt(code.substring(0, 2));
        if (root < 3 || root > 8) {
            return null;
        }
        String three = code.length() >= 3 ? code.substring(0, 3) : code;
        return switch (three) {
            case "040", "041", "042", "043", "044", "045", "046" -> "125";
            case "060", "061", "062", "063", "064" -> "121";
            case "070", "071", "072", "073", "074", "075" -> "122";
            case "081" -> "1241";
            case "082" -> "1242";
            case "084" -> "1243";
            case "085" -> "1244";
            case "086" -> "1245";
            case "087" -> "1246";
            case "080", "083" -> "124";
            default -> "120";
        };
    }
}
