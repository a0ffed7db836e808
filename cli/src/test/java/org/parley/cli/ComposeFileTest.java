package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml runs Parley's image (parley:local, from bin/build-image or the Dockerfile) with subcommands that
 * exist, configured only through variables the code actually reads.
 */
class ComposeFileTest {
    static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    /** The image's entry point, the same in the Jib image and the Dockerfile's: ParleyCli on the jars under /app. */
    static final List<String> ENTRYPOINT =
            List.of("java", "-cp", "/app/classpath/*:/app/libs/*", "org.parley.cli.ParleyCli");
    /** Every variable the code declares; each part's own tests check that its settings read them. */
    private static final java.util.Set<String> READ_BY_CODE = ConfigurationTest.declaredInCode();

    /** The services that run Parley's image, by name. */
    static Map<String, JsonNode> parleyServices() {
        JsonNode services;
        try {
            services = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile()).get("services");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, JsonNode> parley = new LinkedHashMap<>();
        services.fields().forEachRemaining(s -> {
            if (s.getValue().path("image").asText().equals(ContainerImageTest.IMAGE)) {
                parley.put(s.getKey(), s.getValue()); // the broker image reads its own KAFKA_* variables
            }
        });
        return parley;
    }

    /** The arguments ParleyCli gets: the entry point's after the image's (if overridden), then the command. */
    static List<String> parleyArgs(JsonNode service) {
        List<String> args = new ArrayList<>();
        JsonNode entrypoint = service.get("entrypoint");
        if (entrypoint != null) {
            List<String> e = new ArrayList<>();
            entrypoint.forEach(a -> e.add(a.asText()));
            assertThat(e.subList(0, Math.min(e.size(), ENTRYPOINT.size()))).isEqualTo(ENTRYPOINT);
            args.addAll(e.subList(ENTRYPOINT.size(), e.size()));
        }
        service.path("command").forEach(a -> args.add(a.asText()));
        return args;
    }

    @Test
    void everyVariableSetOnAParleyServiceIsOneTheCodeReads() {
        Map<String, JsonNode> services = parleyServices();
        assertThat(services).containsKeys("processor", "sink", "ingest");
        services.forEach((name, s) -> s.path("environment").fieldNames().forEachRemaining(var ->
                assertThat(READ_BY_CODE).as("%s sets %s", name, var).contains(var)));
    }

    @Test
    void everySubcommandTheComposeFileRunsExists() {
        var cli = new picocli.CommandLine(new ParleyCli());
        parleyServices().forEach((name, s) -> {
            List<String> args = parleyArgs(s);
            assertThat(args).as(name).isNotEmpty();
            assertThat(cli.getSubcommands()).as(name).containsKey(args.get(0));
        });
    }
}
