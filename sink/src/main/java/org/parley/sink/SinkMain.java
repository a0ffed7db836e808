package org.parley.sink;

import java.nio.file.Path;
import org.parley.common.ParleyConfig;

/**
 * Runs the sink as its own process without the command line module (the crash test starts it this way):
 * {@code SinkMain [--bootstrap-server H:P] [--topic-prefix P] [--out DIR]}, defaults from PARLEY_* variables.
 * Exits 1 on a fatal error, 2 on bad arguments.
 */
public final class SinkMain {
    private SinkMain() {
    }

    public static void main(String[] args) {
        ParleyConfig config = ParleyConfig.fromEnv();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                usage("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--bootstrap-server" -> config = config.withBootstrapServers(value);
                case "--topic-prefix" -> config = config.withTopicPrefix(value);
                case "--out" -> config = config.withOutDir(Path.of(value));
                default -> usage("unknown option " + flag);
            }
        }
        try {
            Sink.runForeground(config);
        } catch (SinkException e) {
            System.err.println("parley sink: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println("parley sink: " + problem
                + "\nusage: SinkMain [--bootstrap-server H:P] [--topic-prefix P] [--out DIR]");
        System.exit(2);
    }
}
