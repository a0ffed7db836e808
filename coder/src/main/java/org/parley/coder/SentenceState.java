package org.parley.coder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.common.Event;

/** What the earlier actions of a sentence leave for the later ones (shared objects, infinitives), and its events. */
final class SentenceState {
    int lastTargetSeg = -1;
    List<Mention> lastTargets = new ArrayList<>();
    int lastMatchEnd = -1;
    int lastMatchSeg = -1;
    String lastRoot = "";
    int lastEmitSeg = -1;
    int lastEmitEnd = -1;
    /** Sources of hostile acts (roots 14-20) with no target: still acts a speaker can be reporting. */
    final List<ActorRef> hostile = new ArrayList<>();
    /** Events by source>target>code, in order. */
    final Map<String, Event> produced = new LinkedHashMap<>();
    /** source>target>root keys of negated actions: drop those events. */
    final Set<String> negated = new HashSet<>();
    ActorRef firstSource;
}
