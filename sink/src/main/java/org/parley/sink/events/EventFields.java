package org.parley.sink.events;

import org.parley.common.Event;

/** What an event must carry for the sink to write it. */
public final class EventFields {
    private EventFields() {
    }

    /** The first field a usable event must have but this one lacks, or null when it is complete enough. */
    public static String missing(Event e) {
        if (e.id() == null || e.id().isBlank()) {
            return "id";
        }
        if (e.source() == null || e.source().code() == null || e.source().code().isBlank()) {
            return "source actor code";
        }
        if (e.cameo() == null || e.cameo().isBlank()) {
            return "CAMEO code";
        }
        return null;
    }
}
