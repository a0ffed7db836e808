package org.parley.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.parley.contracts.ParleyEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class SinkOptionsTest {
    static final java.util.List<String> KEYS = SinkOptions.ENV_KEYS;

    /** A listed variable that is not read fails here. */
    @ParameterizedTest
    @FieldSource("KEYS")
    void everyListedVariableIsRead(String key) {
        String value = switch (key) {
            case SinkOptions.ROTATE -> "size";
            case SinkOptions.ROTATE_BYTES -> "1234";
            case SinkOptions.MAX_IDS -> "1000";
            default -> "true";
        };
        assertThat(SinkOptions.fromEnv(ParleyEnv.of(Map.of(key, value)))).isNotEqualTo(SinkOptions.defaults());
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> SinkOptions.fromEnv(ParleyEnv.of(Map.of(SinkOptions.ROTATE, "hourly"))))
                .hasMessageContaining(SinkOptions.ROTATE);
        assertThatThrownBy(() -> SinkOptions.fromEnv(ParleyEnv.of(Map.of(SinkOptions.ROTATE_BYTES, "big"))))
                .hasMessageContaining(SinkOptions.ROTATE_BYTES);
        assertThatThrownBy(() -> SinkOptions.fromEnv(ParleyEnv.of(Map.of(SinkOptions.GDELT, "yes"))))
                .hasMessageContaining(SinkOptions.GDELT);
    }

    @Test
    void theGdeltExportIsOffUnlessAskedFor() {
        assertThat(SinkOptions.defaults().gdelt()).isFalse();
        assertThat(SinkOptions.fromEnv(ParleyEnv.of(Map.of())).gdelt()).isFalse();
        assertThat(SinkOptions.fromEnv(ParleyEnv.of(Map.of(SinkOptions.GDELT, " TRUE "))).gdelt()).isTrue();
        SinkOptions on = SinkOptions.defaults().withGdelt(true);
        assertThat(on.withGzip(true).withRotation(on.rotation(), 10).gdelt()).as("kept by the other withers")
                .isTrue();
    }
}
