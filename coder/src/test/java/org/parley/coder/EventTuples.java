package org.parley.coder;

import java.util.List;
import org.parley.common.Event;

/** Events as "SOURCE>TARGET>CAMEO" strings ("-" for no target): what the construction tests assert on. */
final class EventTuples {
    private EventTuples() {
    }

    static List<String> of(List<Event> events) {
        return events.stream()
                .map(e -> e.source().code() + ">" + (e.target() == null ? "-" : e.target().code()) + ">" + e.cameo())
                .toList();
    }
}
