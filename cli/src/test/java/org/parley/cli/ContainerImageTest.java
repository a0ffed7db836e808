package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The two ways to build parley:local agree, without a Docker engine: Jib over the Debian base (cli's profile
 * {@code image}, run by bin/build-image) and the Dockerfile put the same jars in the same places, with the same
 * entry point, user and working directory, and compose runs that image, mounting no host build. ContainerImageIT
 * runs the built image itself.
 */
class ContainerImageTest {
    static final String IMAGE = "parley:local";
    private static final Path ROOT = SourceSizes.projectRoot(Path.of(""));
    private static final Pattern COPY_FROM_BUILD = Pattern.compile("^COPY --from=build /src/(\\S+) (\\S+)$",
            Pattern.MULTILINE);

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path));
    }

    /** The configuration of the jib-maven-plugin in cli's profile {@code image}. */
    static Element jibConfiguration() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ROOT.resolve("cli/pom.xml").toFile());
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            Element profile = (Element) plugin.getParentNode().getParentNode().getParentNode();
            if (text(plugin, "artifactId").equals("jib-maven-plugin") && text(profile, "id").equals("image")) {
                assertThat(plugin.getElementsByTagName("version").getLength())
                        .as("the version is pinned once, in the parent's pluginManagement").isZero();
                return child(plugin, "configuration");
            }
        }
        throw new AssertionError("no jib-maven-plugin in cli/pom.xml's profile image");
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static String text(Element parent, String path) {
        Element e = parent;
        for (String name : path.split("/")) {
            e = child(e, name);
        }
        return e.getTextContent().trim();
    }

    private static List<String> args(Element parent, String path) {
        List<String> args = new ArrayList<>();
        Element e = parent;
        for (String name : path.split("/")) {
            e = child(e, name);
        }
        NodeList list = e.getElementsByTagName("arg");
        for (int i = 0; i < list.getLength(); i++) {
            args.add(list.item(i).getTextContent().trim());
        }
        return args;
    }

    private static List<String> dockerfileList(String dockerfile, String instruction) throws IOException {
        Matcher m = Pattern.compile("^" + instruction + " (\\[.*])$", Pattern.MULTILINE).matcher(dockerfile);
        assertThat(m.find()).as("%s in exec form", instruction).isTrue();
        List<String> list = new ArrayList<>();
        new ObjectMapper().readTree(m.group(1)).forEach(a -> list.add(a.asText()));
        return list;
    }

    @Test
    void jibBuildsTheImageTarOverTheDebianBase() throws Exception {
        Element jib = jibConfiguration();
        assertThat(text(jib, "to/image")).isEqualTo(IMAGE);
        assertThat(text(jib, "outputPaths/tar")).isEqualTo("${project.build.directory}/parley-image.tar");
        assertThat(text(jib, "containerizingMode")).isEqualTo("packaged");
        assertThat(args(jib, "container/entrypoint")).isEqualTo(ComposeFileTest.ENTRYPOINT);
        assertThat(args(jib, "container/args")).containsExactly("--help");
        assertThat(text(jib, "container/user")).isEqualTo("10001");
        assertThat(text(jib, "container/workingDirectory")).isEqualTo("/var/lib/parley");
        assertThat(read("pom.xml")).contains("<artifactId>jib-maven-plugin</artifactId><version>");

        // bin/build-image makes the base the pom names, with the user and folders the image relies on.
        String script = read("bin/build-image");
        assertThat(ROOT.resolve("bin/build-image")).isExecutable();
        assertThat(text(jib, "from/image"))
                .isEqualTo("tar://${maven.multiModuleProjectDirectory}/target/image/base.tar");
        assertThat(script).contains("set -euo pipefail", "base_tar=\"$work/base.tar\"",
                "work=\"$root/target/image\"",
                "-Pimage -Djib.from.image=\"tar://$base_tar\"", "--variant=minbase",
                "--include=openjdk-17-jre-headless,ca-certificates", "--uid 10001",
                "chown parley:parley /var/lib/parley /out");
    }

    @Test
    void theDockerfileBuildsTheSameImage() throws Exception {
        String dockerfile = read("Dockerfile");
        String cliPom = read("cli/pom.xml");
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jdk AS build", "FROM eclipse-temurin:17-jre",
                "RUN ./mvnw -B -q -DskipTests package -pl cli -am", "--uid 10001",
                "chown parley:parley /var/lib/parley /out",
                "USER " + text(jibConfiguration(), "container/user"),
                "WORKDIR " + text(jibConfiguration(), "container/workingDirectory"));
        assertThat(ROOT.resolve("mvnw")).isExecutable();

        // What the package phase produces (the jar under its final name, its dependencies in lib/) goes where Jib
        // puts a packaged jar and its libraries.
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(cliPom);
        assertThat(finalName.find()).isTrue();
        assertThat(cliPom).contains("<goal>copy-dependencies</goal>",
                "<outputDirectory>${project.build.directory}/lib</outputDirectory>");
        String jar = finalName.group(1) + ".jar";
        List<String> copied = new ArrayList<>();
        Matcher m = COPY_FROM_BUILD.matcher(dockerfile);
        while (m.find()) {
            copied.add(m.group(1) + " " + m.group(2));
        }
        assertThat(copied).containsExactly("cli/target/" + jar + " /app/classpath/" + jar,
                "cli/target/lib/ /app/libs/");
        assertThat(dockerfile).contains("COPY seeds/ /opt/parley/seeds/");
        assertThat(text(jibConfiguration(), "extraDirectories/paths/path/into")).isEqualTo("/opt/parley/seeds");

        assertThat(dockerfileList(dockerfile, "ENTRYPOINT")).isEqualTo(ComposeFileTest.ENTRYPOINT);
        assertThat(dockerfileList(dockerfile, "CMD")).isEqualTo(args(jibConfiguration(), "container/args"));
    }

    @Test
    void hostBuildsStayOutOfTheBuildContext() throws IOException {
        assertThat(read(".dockerignore").lines()).contains("**/target/", ".git/", ".parley/", "out/");
        assertThat(read(".gitignore").lines()).as("target/image/, the base").contains("target/");
    }

    @Test
    void composeRunsTheImageAndMountsNoHostBuild() {
        assertThat(ComposeFileTest.parleyServices()).containsKeys("processor", "sink", "ingest");
        ComposeFileTest.parleyServices().forEach((name, s) -> {
            // The loaded image when there is one; otherwise Docker builds it from the Dockerfile.
            assertThat(s.get("build").asText()).as(name).isEqualTo(".");
            for (JsonNode volume : s.path("volumes")) {
                String source = volume.asText().split(":")[0];
                assertThat(source).as("%s mounts %s", name, volume.asText())
                        .isNotIn(".", "./").doesNotContain("target");
            }
        });
    }
}
