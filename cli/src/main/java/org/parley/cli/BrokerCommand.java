package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.parley.local.EmbeddedKafka;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley broker}: a real single-node Kafka in the foreground, for anyone who wants a local Kafka. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Runs a local single-node Kafka (KRaft) broker in the foreground until Ctrl-C.")
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "9092", paramLabel = "N",
            description = "Client port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data", defaultValue = ".parley/kafka", paramLabel = "DIR",
            description = "Log directory; formatted on first use, reused afterwards (default: ${DEFAULT-VALUE}).")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.builder().port(port).dataDir(data).build();
        } catch (IllegalArgumentException e) {
            err.println("parley broker: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C and SIGTERM run this: a controlled shutdown, so the next start on DIR is quick.
        Thread hook = new Thread(() -> {
            try {
                BrokerAddress.remove(data.toAbsolutePath().getParent(), kafka.bootstrapServers());
            } catch (IllegalStateException notRunning) {
                // it never started: no address was written
            }
            kafka.close();
            stopped.countDown();
        }, "parley-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            kafka.start();
        } catch (RuntimeException e) {
            kafka.close();
            Runtime.getRuntime().removeShutdownHook(hook);
            err.println("parley broker: " + e.getMessage());
            return 1;
        }
        // Beside the log directory (.parley/bootstrap for the default .parley/kafka): other commands look there.
        Path addressDir = data.toAbsolutePath().getParent();
        BrokerAddress.write(addressDir, kafka.bootstrapServers());
        out.println("Kafka broker ready at " + kafka.bootstrapServers() + " (data " + data + "; address in "
                + BrokerAddress.file(addressDir) + ")");
        out.flush();
        stopped.await();
        return 0;
    }
}
