package org.parley.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.parley.coder.EventCoder;
import org.parley.contracts.ParleyConfig;
import org.parley.processor.ProcessorApp;
import org.parley.processor.stance.StanceSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley process}: the Kafka Streams processor with its HTTP API, until stopped. */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = "Run the processor: code articles into events and keep stance aggregates; serve them over HTTP.")
public final class ProcessCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--port", description = "HTTP port (default: $PARLEY_HTTP_PORT or 7070; 0 picks a free one)")
    Integer port;

    @Option(names = "--bind", description = "HTTP bind address (default: $PARLEY_HTTP_BIND or 127.0.0.1)")
    String bind;

    /** Kafka Streams' own default is under the OS temp folder, which the OS may clear: then every store restores. */
    static final Path DEFAULT_STATE_DIR = Path.of(".parley", "state");

    @Option(names = "--state-dir", description = "Kafka Streams state directory "
            + "(default: $PARLEY_STATE_DIR or .parley/state)")
    Path stateDir;

    @Option(names = "--application-id", description = "Kafka Streams application id "
            + "(default: $PARLEY_APPLICATION_ID or parley-processor)")
    String applicationId;

    @Option(names = "--dictionaries", description = "directory of user-edited coder dictionaries")
    Path dictionaries;

    @Option(names = "--standby-replicas", paramLabel = "N",
            description = "warm copies of each state store on other instances (default: $PARLEY_STANDBY_REPLICAS or 0)")
    Integer standbyReplicas;

    @Option(names = "--http-token-file", paramLabel = "FILE",
            description = "require the bearer token in FILE on every HTTP path but /health "
                    + "(default: $PARLEY_HTTP_TOKEN_FILE; none)")
    Path httpTokenFile;

    @Override
    public Integer call() throws InterruptedException {
        ParleyConfig config = kafka.connect();
        config = config.withHttp(bind != null ? bind : config.httpBind(), port != null ? port : config.httpPort());
        if (stateDir != null || config.stateDir() == null) {
            config = config.withStateDir(stateDir != null ? stateDir : DEFAULT_STATE_DIR);
        }
        if (applicationId != null) {
            config = config.withApplicationId(applicationId);
        }
        if (standbyReplicas != null) {
            config = config.withStandbyReplicas(standbyReplicas);
        }
        if (httpTokenFile != null) {
            config = config.withHttpTokenFile(httpTokenFile);
        }
        EventCoder coder = dictionaries == null ? EventCoder.withDefaultDictionaries()
                : EventCoder.withDictionaries(dictionaries);
        CountDownLatch stopped = new CountDownLatch(1);
        try (ProcessorApp app = new ProcessorApp(config, coder, StanceSettings.defaults())) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stopped.countDown();
            }, "parley-process-shutdown"));
            app.start();
            System.err.printf("processor %s reading %s; HTTP on http://%s:%d%n", config.applicationId(),
                    config.topics().articles().name(), config.httpBind(), app.httpPort());
            stopped.await();
        }
        return 0;
    }
}
