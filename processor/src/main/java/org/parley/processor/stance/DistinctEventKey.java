package org.parley.processor.stance;


/**
 * What makes two event mentions the same happening: the day, the dyad and the CAMEO code
 * (Phoenix's one-a-day filter). Text form: {@code SRC->TGT|YYYY-MM-DD|CODE}.
 */
public final class DistinctEventKey {
    private DistinctEventKey() {
    }

    public static String of(StanceEvent e) {
        return e.dyadKey() + "|" + e.date() + "|" + e.cameo();
    }
}
