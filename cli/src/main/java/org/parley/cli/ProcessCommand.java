package org.parley.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parley.contracts.ParleyEnv;
import org.parley.processor.ProcessorApp;
import org.parley.processor.ProcessorSettings;
import org.parley.processor.stance.StanceSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley process}: the Kafka Streams processor with its HTTP API, until stopped. */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = "Run the processor: code articles into events and keep stance aggregates; serve them over HTTP.")
public final class ProcessCommand implements Callable<Integer> {
    /** Kafka Streams' own default is under the OS temp folder, which the OS may clear: then every store restores. */
    static final Path DEFAULT_STATE_DIR = Path.of(".parley", "state");

    @Mixin
    KafkaOptions kafka;

    @Mixin
    HttpOptions http;

    @Mixin
    StateDirOption state;

    @Mixin
    DictionaryOptions dictionaries;

    @Option(names = "--application-id", description = "Kafka Streams application id "
            + "(default: $PARLEY_APPLICATION_ID or parley-processor)")
    String applicationId;

    @Option(names = "--standby-replicas", paramLabel = "N",
            description = "warm copies of each state store on other instances (default: $PARLEY_STANDBY_REPLICAS or 0)")
    Integer standbyReplicas;

    @Option(names = "--http-token-file", paramLabel = "FILE",
            description = "require the bearer token in FILE on every HTTP path but /health "
                    + "(default: $PARLEY_HTTP_TOKEN_FILE; none)")
    Path httpTokenFile;

    /** The environment's settings with the options on top. */
    ProcessorSettings settings() {
        ProcessorSettings s = ProcessorSettings.fromEnv(ParleyEnv.system());
        s = state.applyTo(http.applyTo(s.withKafka(kafka.connect(s.kafka()))), DEFAULT_STATE_DIR);
        s = applicationId == null ? s : s.withApplicationId(applicationId);
        s = standbyReplicas == null ? s : s.withStandbyReplicas(standbyReplicas);
        return httpTokenFile == null ? s : s.withHttpTokenFile(httpTokenFile);
    }

    @Override
    public Integer call() {
        ProcessorSettings settings = settings();
        ProcessorApp app = new ProcessorApp(settings, dictionaries.coder(), StanceSettings.defaults());
        return new Foreground("process").run(new Foreground.Session() {
            @Override
            public void start() {
                app.start();
                System.err.printf("processor %s reading %s; HTTP on http://%s:%d%n", settings.applicationId(),
                        settings.topics().articles().name(), settings.httpBind(), app.httpPort());
            }

            @Override
            public int close() {
                app.close();
                return 0;
            }
        }, null);
    }
}
