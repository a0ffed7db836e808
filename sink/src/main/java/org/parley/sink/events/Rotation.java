package org.parley.sink.events;

/** When events.jsonl is closed and renamed to events-YYYY-MM-DD[-n].jsonl. */
public enum Rotation {
    /** Never: events.jsonl grows for ever. */
    NONE,
    /** When the UTC day changes: each rotated file holds the events written on one day. */
    DAILY,
    /** When events.jsonl has reached the size limit. */
    SIZE
}
