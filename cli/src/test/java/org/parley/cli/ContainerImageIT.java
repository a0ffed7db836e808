package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image bin/build-image writes (cli/target/parley-image.tar), run for real without a container engine: its
 * layers unpacked in order into a root filesystem, its entry point started there with chroot, as its user, in
 * its working directory, with its environment, and /proc of its own (unshare), as a container runtime would.
 * Skipped, saying why, where the image has not been built (CI does not build it: the base alone takes minutes)
 * or where chroot is not allowed (not root).
 */
class ContainerImageIT {
    private static final Path IMAGE_TAR = Path.of("target", "parley-image.tar").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path rootfs;
    static JsonNode config;

    /** Why the image cannot be run here, or null. */
    private static String whyNot() {
        if (!Files.isRegularFile(IMAGE_TAR)) {
            return "no " + IMAGE_TAR + ": build it with bin/build-image (as root)";
        }
        return "root".equals(System.getProperty("user.name")) ? null : "chroot and unshare need root";
    }

    // Checked per test, not in @BeforeAll: Surefire reports a class skipped there as 0 tests run, without why.
    @BeforeEach
    void needsTheBuiltImage() throws Exception {
        String why = whyNot();
        if (why != null) {
            System.err.println("ContainerImageIT skipped: " + why);
        }
        assumeTrue(why == null, why);
        if (rootfs == null) {
            unpackTheImage();
        }
    }

    private static void unpackTheImage() throws Exception {
        Path image = Files.createDirectory(tmp.resolve("image"));
        Path unpacked = Files.createDirectory(tmp.resolve("rootfs"));
        run(List.of("tar", "-xf", IMAGE_TAR.toString(), "-C", image.toString()), "");
        JsonNode manifest = JSON.readTree(image.resolve("manifest.json").toFile()).get(0);
        config = JSON.readTree(image.resolve(manifest.get("Config").asText()).toFile()).get("config");
        for (JsonNode layer : manifest.get("Layers")) {
            // Jib's layers carry a libarchive header that GNU tar reports and ignores.
            run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", image.resolve(layer.asText()).toString(),
                    "-C", unpacked.toString()), "");
            applyWhiteouts(unpacked);
        }
        rootfs = unpacked; // only once whole: a failed unpack fails every test
    }

    /** A layer's ".wh.NAME" deletes NAME from the layers below it (the image format's deletions). */
    private static void applyWhiteouts(Path root) throws Exception {
        List<Path> whiteouts;
        try (Stream<Path> files = Files.walk(root)) {
            whiteouts = files.filter(p -> p.getFileName().toString().startsWith(".wh.")).toList();
        }
        for (Path w : whiteouts) {
            String name = w.getFileName().toString().substring(".wh.".length());
            if (!name.equals(".wh..opq")) {
                run(List.of("rm", "-rf", w.resolveSibling(name).toString()), "");
            }
            Files.delete(w);
        }
    }

    private static String run(List<String> command, String stdin) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String output = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("%s exited; output:%n%s", command, output).isZero();
        return output;
    }

    /** The image's entry point with these arguments (none: its CMD), as its user, where a container runs it. */
    private static String runImage(String stdin, String... args) throws Exception {
        String user = config.get("User").asText();
        String[] passwd = Files.readAllLines(rootfs.resolve("etc/passwd")).stream().map(l -> l.split(":"))
                .filter(f -> f[2].equals(user) || f[0].equals(user)).findFirst()
                .orElseThrow(() -> new AssertionError("user " + user + " is not in the image's /etc/passwd"));
        List<String> command = new ArrayList<>(List.of("unshare", "--fork", "--pid", "--mount",
                "--mount-proc=" + rootfs.resolve("proc"), "chroot", "--userspec=" + passwd[2] + ":" + passwd[3],
                rootfs.toString(), "/usr/bin/env", "-i", "--chdir=" + config.get("WorkingDir").asText(),
                "HOME=" + passwd[5]));
        config.get("Env").forEach(e -> command.add(e.asText()));
        config.get("Entrypoint").forEach(e -> command.add(e.asText()));
        if (args.length == 0) {
            config.get("Cmd").forEach(e -> command.add(e.asText()));
        } else {
            command.addAll(List.of(args));
        }
        return run(command, stdin);
    }

    @Test
    void runsAsParleyWhoOwnsItsFolders() throws Exception {
        assertThat(config.get("User").asText()).isEqualTo("10001");
        assertThat(config.get("WorkingDir").asText()).isEqualTo("/var/lib/parley");
        for (String dir : List.of("var/lib/parley", "out")) {
            assertThat(Files.getAttribute(rootfs.resolve(dir), "unix:uid")).as(dir).isEqualTo(10001);
        }
        assertThat(Files.isDirectory(rootfs.resolve("opt/parley/seeds"))).isTrue();
    }

    @Test
    void printsItsVersionAndByDefaultItsHelp() throws Exception {
        assertThat(runImage("", "--version")).containsPattern("(?m)^parley \\d+\\.\\d+");
        assertThat(runImage("")).contains("Usage: parley", "process", "sink", "ingest", "code");
    }

    @Test
    void codesASentence() throws Exception {
        String out = runImage("{\"id\":\"a\",\"text\":\"Russia criticised Ukraine.\"}\n", "code");
        JsonNode events = JSON.readTree(out.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow())
                .get("events");
        assertThat(events).as(out).hasSize(1);
        assertThat(events.get(0).at("/source/code").asText()).isEqualTo("RUS");
        assertThat(events.get(0).at("/target/code").asText()).isEqualTo("UKR");
        assertThat(events.get(0).get("cameo").asText()).isEqualTo("111");
    }
}
