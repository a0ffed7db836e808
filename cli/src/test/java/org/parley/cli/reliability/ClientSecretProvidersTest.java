package org.parley.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.contracts.KafkaSettings;

/**
 * The client properties file need not hold secrets itself: Kafka's config providers resolve {@code ${file:...}}
 * (and {@code ${env:...}}, {@code ${directory:...}}) references when a client starts, so the file can be checked in
 * and the passwords live in a mounted secret file or the environment. This checks that the references pass through
 * {@link KafkaSettings#kafkaProperties()} untouched and that a Kafka client resolves them.
 */
class ClientSecretProvidersTest {
    @TempDir
    Path dir;

    @Test
    void secretReferencesInTheClientPropertiesFileAreResolvedByTheKafkaClients() throws Exception {
        Path secrets = Files.writeString(dir.resolve("kafka-secrets.properties"),
                "truststore.password=from-a-mounted-file\n");
        Path client = Files.writeString(dir.resolve("client.properties"), String.join("\n",
                "config.providers=file,env",
                "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider",
                "config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider",
                "ssl.truststore.password=${file:" + secrets + ":truststore.password}",
                "sasl.kerberos.service.name=${env:PATH}", ""));
        Properties props = KafkaSettings.defaults().withClientProperties(client).kafkaProperties();
        assertThat(props.getProperty("ssl.truststore.password")).as("Parley passes the reference on, unresolved")
                .startsWith("${file:");

        Map<String, Object> producerProps = toMap(props);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        ProducerConfig resolved = new ProducerConfig(producerProps);
        assertThat(resolved.getPassword("ssl.truststore.password").value()).isEqualTo("from-a-mounted-file");
        assertThat(resolved.getString("sasl.kerberos.service.name")).isEqualTo(System.getenv("PATH"));
    }

    private static Map<String, Object> toMap(Properties props) {
        Map<String, Object> m = new java.util.HashMap<>();
        props.stringPropertyNames().forEach(k -> m.put(k, props.getProperty(k)));
        return m;
    }
}
