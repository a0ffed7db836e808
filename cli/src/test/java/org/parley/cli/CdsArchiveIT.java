package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options {@code bin/parley} chooses. The class-data-sharing archive that {@code package} dumps into
 * cli/target/parley.jsa (cli/pom.xml) is mapped when it matches the jars, and when it is missing, not an archive, or
 * dumped for other jars, {@code bin/parley} works the same and says nothing about it. The collector is the serial one
 * on two processors or fewer unless {@code PARLEY_JAVA_OPTS} picks one. Failsafe runs after {@code package}.
 */
class CdsArchiveIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path ARCHIVE = ROOT.resolve("cli/target/parley.jsa");
    private static final String INPUT = "{\"id\":\"a1\",\"text\":\"Russia and the United States held talks in Geneva"
            + " on energy. Iran accused Israel of violating the ceasefire.\"}\n";
    /** How {@code -Xlog:class+load} names a class mapped from the dynamic (top) archive. */
    private static final String FROM_ARCHIVE = "source: shared objects file (top)";
    /** Each event carries its article's ingest time, the time of coding here; two runs differ only there. */
    private static final java.util.regex.Pattern CODED_AT =
            java.util.regex.Pattern.compile("\"ingestedAt\":\"[^\"]*\"");

    @TempDir
    Path tmp;

    private String withoutArchive;

    @BeforeEach
    void codeWithoutTheArchive() throws Exception {
        Run plain = code(Map.of("PARLEY_CDS_ARCHIVE", "off"));
        assertThat(plain.exit).as("exit code; stderr:%n%s", plain.stderr).isZero();
        assertThat(plain.stdout).contains("\"id\":\"a1\"", "\"events\"");
        assertThat(plain.classesFromArchive).isZero();
        withoutArchive = plain.stdout;
    }

    @Test
    void mapsTheArchiveThePackageBuilt() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(ARCHIVE),
                "no " + ARCHIVE + ": packaged with -Dparley.cds.skip=true, or the training run failed");
        Run run = code(Map.of());
        assertThat(run.exit).as("exit code; stderr:%n%s", run.stderr).isZero();
        assertThat(run.stdout).isEqualTo(withoutArchive);
        assertThat(run.stderr).isEmpty();
        assertThat(run.classesFromArchive).as("classes mapped from %s", ARCHIVE).isGreaterThan(500);
    }

    @Test
    void startsQuietlyWithoutAnArchiveThatIsMissingBrokenOrForOtherJars() throws Exception {
        Path garbage = Files.writeString(tmp.resolve("garbage.jsa"), "not an archive");
        Path otherJars = tmp.resolve("other-jars.jsa");
        // Dumped by a JVM whose classpath lists the same jars in another order: a mismatch the JVM detects.
        Path target = ROOT.resolve("cli/target");
        Process dump = new ProcessBuilder(javaBin(), "-XX:ArchiveClassesAtExit=" + otherJars, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-cp", target.resolve("lib") + "/*:" + target.resolve("parley-cli.jar"),
                "org.parley.cli.ParleyCli", "--version").redirectErrorStream(true)
                .redirectOutput(tmp.resolve("dump.log").toFile()).start();
        assertThat(dump.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(otherJars).as("the JVM dumped an archive; %s", Files.readString(tmp.resolve("dump.log")))
                .isRegularFile();
        for (Path archive : List.of(tmp.resolve("missing.jsa"), garbage, otherJars)) {
            Run run = code(Map.of("PARLEY_CDS_ARCHIVE", archive.toString()));
            assertThat(run.exit).as("exit code with %s; stderr:%n%s", archive, run.stderr).isZero();
            assertThat(run.stdout).as("output with %s", archive).isEqualTo(withoutArchive);
            assertThat(run.stderr).as("stderr with %s", archive).isEmpty();
            assertThat(run.classesFromArchive).as("classes mapped from %s", archive).isZero();
        }
    }

    @Test
    void picksTheSerialCollectorOnTwoProcessorsUnlessTheOptionsPickOne() throws Exception {
        Path log = tmp.resolve("gc.log");
        Process p = parley(Map.of("PARLEY_JAVA_OPTS", "-Xlog:gc:file=" + log), "--version");
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String expected = Runtime.getRuntime().availableProcessors() <= 2 ? "Using Serial" : "Using G1";
        assertThat(Files.readString(log)).contains(expected);
        Path chosen = tmp.resolve("gc-chosen.log");
        p = parley(Map.of("PARLEY_JAVA_OPTS", "-XX:+UseParallelGC -Xlog:gc:file=" + chosen), "--version");
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(chosen)).contains("Using Parallel").doesNotContain("Serial");
    }

    private Process parley(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/parley").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("parley-" + System.nanoTime() + ".log").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code bin/parley code} over {@link #INPUT}, with the classes it loads logged to a file. */
    private Run code(Map<String, String> env) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "run");
        Path classLog = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/parley").toString(), "code"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectInput(Files.writeString(dir.resolve("in.jsonl"), INPUT).toFile())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("PARLEY_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("bin/parley code did not finish within 2 minutes");
        }
        long fromArchive;
        try (var lines = Files.lines(classLog)) {
            fromArchive = lines.filter(l -> l.contains(FROM_ARCHIVE)).count();
        }
        String out = CODED_AT.matcher(Files.readString(dir.resolve("out"))).replaceAll("\"ingestedAt\":\"T\"");
        return new Run(p.exitValue(), out, Files.readString(dir.resolve("err")), fromArchive);
    }

    private record Run(int exit, String stdout, String stderr, long classesFromArchive) {
    }
}
