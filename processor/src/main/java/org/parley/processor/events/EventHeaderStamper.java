package org.parley.processor.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.parley.common.Event;
import org.parley.contracts.EventHeaders;

/**
 * Gives each event record its own headers {@code source}, {@code target}, {@code root} and {@code quadClass}, so
 * consumers can filter without parsing the value. Fresh headers, not the input's: the records coded from one
 * article share one headers object upstream.
 */
public final class EventHeaderStamper implements FixedKeyProcessor<String, Event, Event> {
    private FixedKeyProcessorContext<String, Event> context;

    @Override
    public void init(FixedKeyProcessorContext<String, Event> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Event> record) {
        context.forward(record.withHeaders(headersOf(record.value())));
    }

    /** The filter headers of one event record. */
    public static RecordHeaders headersOf(Event e) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.SOURCE, utf8(e.source().code()));
        if (e.target() != null) {
            headers.add(EventHeaders.TARGET, utf8(e.target().code()));
        }
        headers.add(EventHeaders.ROOT, utf8(e.root()));
        headers.add(EventHeaders.QUAD_CLASS, utf8(Integer.toString(e.quadClass())));
        return headers;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
