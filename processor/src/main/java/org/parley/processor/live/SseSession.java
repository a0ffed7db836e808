package org.parley.processor.live;

import io.javalin.http.sse.SseClient;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected SSE client. The feed hands it items without blocking; a thread of its own writes them out, with
 * a keep-alive comment whenever nothing was sent for a while. A client that falls {@link #MAX_QUEUED} items
 * behind is disconnected: its browser reconnects with Last-Event-ID and catches up from the feed's buffer.
 */
public final class SseSession implements LiveFeed.Subscriber {
    private static final Logger LOG = LoggerFactory.getLogger(SseSession.class);
    static final int MAX_QUEUED = 10_000;

    private final SseClient client;
    private final long keepAliveMillis;
    private final BlockingQueue<FeedItem> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private volatile boolean open = true;
    private volatile Thread pumpThread;

    public SseSession(SseClient client, long keepAliveMillis) {
        this.client = client;
        this.keepAliveMillis = keepAliveMillis;
    }

    @Override
    public void accept(FeedItem item) {
        if (open && !queue.offer(item)) {
            LOG.info("SSE client fell {} events behind; disconnecting it", MAX_QUEUED);
            open = false;
        }
    }

    /** Writes until the client goes away. Runs on the session's own thread. */
    public void pump() {
        pumpThread = Thread.currentThread();
        try {
            client.sendComment("connected");
            while (open && !client.terminated()) {
                FeedItem item = queue.poll(keepAliveMillis, TimeUnit.MILLISECONDS);
                if (item == null) {
                    client.sendComment("keep-alive");
                } else {
                    client.sendEvent(item.type(), item.data(), item.id());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("SSE client gone", e);
        } finally {
            open = false;
            client.close();
        }
    }

    /** Ends {@link #pump} soon, from any thread. */
    public void stop() {
        open = false;
        Thread t = pumpThread;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
    }
}
