package org.parley.processor.live;

import org.apache.kafka.common.header.Headers;

/**
 * One record of a live feed as a Server-Sent Event.
 *
 * @param topic     where it was read
 * @param partition its partition
 * @param offset    its offset
 * @param type      the SSE event name ({@code dyad}, {@code country}, {@code event})
 * @param data      the record value, JSON as on the topic
 * @param headers   the record headers, for filtering
 */
public record FeedItem(String topic, int partition, long offset, String type, String data, Headers headers) {
    /** The SSE id: {@code topic-partition-offset}, which {@code Last-Event-ID} gives back on reconnect. */
    public String id() {
        return topic + "-" + partition + "-" + offset;
    }

    /** A position parsed back from an SSE id; null when the text is not one. */
    public record Position(String topic, int partition, long offset) {
        public static Position parse(String id) {
            if (id == null || id.isBlank()) {
                return null;
            }
            String s = id.trim();
            int last = s.lastIndexOf('-');
            int prev = last <= 0 ? -1 : s.lastIndexOf('-', last - 1);
            if (prev <= 0) {
                return null;
            }
            try {
                return new Position(s.substring(0, prev), Integer.parseInt(s.substring(prev + 1, last)),
                        Long.parseLong(s.substring(last + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        boolean isAt(FeedItem item) {
            return item.topic().equals(topic) && item.partition() == partition && item.offset() == offset;
        }

        boolean isBefore(FeedItem item) {
            return !item.topic().equals(topic) || item.partition() != partition || item.offset() > offset;
        }
    }
}
