package org.parley.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Log levels for commands whose output is the point ({@code demo}): Kafka's and Parley's routine messages off
 * unless asked for, so the terminal shows the command's own lines and its table. Errors still print.
 */
final class Quiet {
    private Quiet() {
    }

    /** Quiet: Kafka at ERROR, Parley at WARN. Verbose: both at INFO (Kafka's broker and client chatter too). */
    static void logs(boolean verbose) {
        Configurator.setLevel("org.apache.kafka", verbose ? Level.INFO : Level.ERROR);
        Configurator.setLevel("kafka", verbose ? Level.INFO : Level.ERROR);
        Configurator.setLevel("org.parley", verbose ? Level.INFO : Level.WARN);
    }
}
