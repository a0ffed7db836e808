package org.parley.ingest.source;

import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what the reader produced, for assertions. */
final class Collected implements DraftSink {
    final List<Draft> drafts = new ArrayList<>();
    final List<BadInput> bad = new ArrayList<>();

    @Override
    public void draft(Draft draft) {
        drafts.add(draft);
    }

    @Override
    public void bad(BadInput b) {
        bad.add(b);
    }

    List<String> origins() {
        return drafts.stream().map(Draft::origin).toList();
    }
}
