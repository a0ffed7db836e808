package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker-compose.yml may only configure Parley's services through variables the code actually reads. */
class ComposeFileTest {
    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    /** Every variable the code declares; each part's own tests check that its settings read them. */
    private static final java.util.Set<String> READ_BY_CODE = ConfigurationTest.declaredInCode();

    @Test
    void everyVariableSetOnAParleyServiceIsOneTheCodeReads() throws Exception {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile()).get("services");
        List<String> parleyServices = new ArrayList<>();
        services.fields().forEachRemaining(service -> {
            JsonNode s = service.getValue();
            String run = String.valueOf(s.get("command")) + s.get("entrypoint");
            if (!run.contains(ParleyCli.class.getName())) {
                return; // the broker image reads its own KAFKA_* variables
            }
            parleyServices.add(service.getKey());
            s.path("environment").fieldNames().forEachRemaining(var ->
                    assertThat(READ_BY_CODE).as("%s sets %s", service.getKey(), var).contains(var));
        });
        assertThat(parleyServices).contains("processor", "sink", "ingest");
    }

    @Test
    void everySubcommandTheComposeFileRunsExists() throws Exception {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile()).get("services");
        var cli = new picocli.CommandLine(new ParleyCli());
        services.fields().forEachRemaining(service -> {
            JsonNode s = service.getValue();
            for (String field : List.of("command", "entrypoint")) {
                JsonNode args = s.get(field);
                if (args != null && args.toString().contains(ParleyCli.class.getName())) {
                    List<String> list = new ArrayList<>();
                    args.forEach(a -> list.add(a.asText()));
                    String sub = list.get(list.indexOf(ParleyCli.class.getName()) + 1);
                    assertThat(cli.getSubcommands()).as(service.getKey()).containsKey(sub);
                }
            }
        });
    }
}
