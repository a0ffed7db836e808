package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the figures were measured on: cores, CPU model, Java version, load average (the machines are shared). */
public final class Machine {
    private Machine() {
    }

    /** {@code cores=2 load=11.2 java=17.0.x cpu="..."}: key=value, the CPU model quoted. */
    public static String describe() {
        return String.format(Locale.ROOT, "cores=%d load=%s java=%s cpu=\"%s\"",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"),
                cpuModel());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
