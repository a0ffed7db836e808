package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.parley.contracts.ParleyEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrokerAddressTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "localhost:9092|localhost:9092",
        " broker-1.example.org:9093 , 10.0.0.2:9092 |broker-1.example.org:9093,10.0.0.2:9092",
        "[::1]:9092|[::1]:9092",
    })
    void goodAddressesPass(String given, String expected) {
        assertThat(BrokerAddress.validate(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo|has no port",
        "foo:|has no port",
        "localhost:99999|port '99999'",
        "localhost:0|port '0'",
        "localhost:abc|port 'abc'",
        "http://localhost:9092|has a scheme",
        "localhost:9092,,other:9092|empty entry",
        ":9092|no valid host",
        "bad host:9092|no valid host",
    })
    void badAddressesSayWhatIsWrong(String given, String reason) {
        assertThatThrownBy(() -> BrokerAddress.validate(given)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void theAddressFileIsWrittenReadAndRemovedOnlyByItsWriter() throws Exception {
        Path data = dir.resolve("data");
        assertThat(BrokerAddress.read(data)).isNull();
        BrokerAddress.write(data, "127.0.0.1:40001");
        assertThat(Files.readString(data.resolve("bootstrap"))).isEqualTo("127.0.0.1:40001\n");
        assertThat(BrokerAddress.read(data)).isEqualTo("127.0.0.1:40001");

        BrokerAddress.remove(data, "127.0.0.1:40002");
        assertThat(BrokerAddress.read(data)).as("another run's address stays").isEqualTo("127.0.0.1:40001");
        BrokerAddress.remove(data, "127.0.0.1:40001");
        assertThat(data.resolve("bootstrap")).doesNotExist();
    }

    @Test
    void theDataFolderIsParleyDataElseDotParley() {
        assertThat(BrokerAddress.defaultDataDir(ParleyEnv.empty())).isEqualTo(Path.of(".parley"));
        assertThat(BrokerAddress.defaultDataDir(ParleyEnv.of(Map.of("PARLEY_DATA", "/srv/p")))).isEqualTo(Path.of("/srv/p"));
    }
}
