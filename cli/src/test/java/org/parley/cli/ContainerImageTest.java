package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile and docker-compose.yml stay consistent with the build, without a Docker engine: the runtime
 * stage copies only what the build stage's Maven run produces or what is checked in, bin/parley finds the jars
 * where the image puts them, and compose runs that image, mounting no host build.
 */
class ContainerImageTest {
    private static final Path ROOT = SourceSizes.projectRoot(Path.of(""));
    private static final Pattern COPY_FROM_BUILD = Pattern.compile("^COPY --from=build /src/(\\S+) (\\S+)$",
            Pattern.MULTILINE);

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path));
    }

    @Test
    void theBuildStageBuildsTheCliWithTheWrapperAndTheRuntimeCopiesWhatItProduces() throws IOException {
        String dockerfile = read("Dockerfile");
        String cliPom = read("cli/pom.xml");
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jdk AS build", "FROM eclipse-temurin:17-jre",
                "RUN ./mvnw -B -q -DskipTests package -pl cli -am");
        assertThat(ROOT.resolve("mvnw")).isExecutable();

        // What cli/pom.xml makes the package phase produce: the jar under its final name, its dependencies in lib/.
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(cliPom);
        assertThat(finalName.find()).isTrue();
        assertThat(cliPom).contains("<goal>copy-dependencies</goal>",
                "<outputDirectory>${project.build.directory}/lib</outputDirectory>");
        List<String> produced = List.of("cli/target/" + finalName.group(1) + ".jar", "cli/target/lib/");

        List<String> copied = new ArrayList<>();
        Matcher m = COPY_FROM_BUILD.matcher(dockerfile);
        while (m.find()) {
            String from = m.group(1);
            copied.add(from);
            assertThat(m.group(2)).as("copied to the same place under /opt/parley, where bin/parley looks")
                    .isEqualTo("/opt/parley/" + from);
            if (!produced.contains(from)) {
                assertThat(ROOT.resolve(from)).as("%s: neither built nor checked in", from).exists();
            }
        }
        assertThat(copied).containsAll(produced).contains("bin/parley");
        // bin/parley's paths, relative to its own folder's parent, are the ones copied.
        String script = read("bin/parley");
        assertThat(script).contains("jar=\"$root/" + produced.get(0) + "\"", "lib=\"$root/cli/target/lib\"");
        assertThat(dockerfile).contains("ENTRYPOINT [\"" + ComposeFileTest.ENTRYPOINT + "\"]");
    }

    @Test
    void hostBuildsStayOutOfTheBuildContext() throws IOException {
        assertThat(read(".dockerignore").lines()).contains("**/target/", ".git/", ".parley/", "out/");
    }

    @Test
    void composeRunsTheImageAndMountsNoHostBuild() {
        ComposeFileTest.parleyServices().forEach((name, s) -> {
            assertThat(s.get("build").asText()).as(name).isEqualTo(".");
            assertThat(s.get("image").asText()).as(name).isEqualTo("parley:local");
            for (JsonNode volume : s.path("volumes")) {
                String source = volume.asText().split(":")[0];
                assertThat(source).as("%s mounts %s", name, volume.asText())
                        .isNotIn(".", "./").doesNotContain("target");
            }
        });
    }
}
