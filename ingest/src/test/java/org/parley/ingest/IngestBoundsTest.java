package org.parley.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.parley.contracts.ParleyEnv;
import org.junit.jupiter.api.Test;

class IngestBoundsTest {
    @Test
    void readsEachBoundFromItsVariableAndDefaultsTheRest() {
        assertThat(IngestBounds.fromEnv(ParleyEnv.of(Map.of()))).isEqualTo(IngestBounds.defaults());
        assertThat(IngestBounds.fromEnv(ParleyEnv.of(Map.of(IngestBounds.MAX_SEEN_IDS, "5", IngestBounds.MAX_CLUSTER_TEXTS, " 6 ",
                IngestBounds.MAX_FEED_ITEMS, "7")))).isEqualTo(new IngestBounds(5, 6, 7));
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> IngestBounds.fromEnv(ParleyEnv.of(Map.of(IngestBounds.MAX_SEEN_IDS, "many"))))
                .hasMessageContaining(IngestBounds.MAX_SEEN_IDS);
        assertThatThrownBy(() -> IngestBounds.fromEnv(ParleyEnv.of(Map.of(IngestBounds.MAX_FEED_ITEMS, "0"))))
                .hasMessageContaining(IngestBounds.MAX_FEED_ITEMS);
    }
}
