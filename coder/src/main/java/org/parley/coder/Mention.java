package org.parley.coder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Actors mentioned by tokens [start, end); a place mention is where something happened, not who. */
record Mention(int start, int end, List<ActorRef> refs, boolean place, boolean anti, boolean anaphor, String text) {

    /** Whether every actor this mention names is one of {@code others}' ("it" after "Japan announced"). */
    boolean restates(List<Mention> others) {
        Set<String> codes = new HashSet<>();
        refsOf(others).forEach(x -> codes.add(x.code()));
        return !refs.isEmpty() && refs.stream().allMatch(r -> codes.contains(r.code()));
    }

    /** Unnamed civilians ("eight people were killed") are acted upon, never a source. */
    boolean anonymousCivilians() {
        ActorRef r = refs.get(0);
        return EventCoder.UNKNOWN.equals(r.code()) && "CVL".equals(r.role());
    }

    /** Of no known country: "police", "militants" without a place or nationality. */
    boolean ofUnknownCountry() {
        return refs.stream().allMatch(r -> EventCoder.UNKNOWN.equals(r.code()));
    }

    /** The references of some mentions, once per code and role. */
    static List<ActorRef> refsOf(List<Mention> ms) {
        List<ActorRef> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Mention m : ms) {
            for (ActorRef r : m.refs()) {
                if (seen.add(r.code() + "/" + r.role())) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
