package org.parley.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests a {@link KafkaFixture} over a real broker: one broker per test JVM, started on first use and
 * stopped after the JVM's last test. The broker is a Testcontainers {@code KafkaContainer} where a Docker
 * engine answers and {@link org.parley.local.EmbeddedKafka} otherwise; see {@link KafkaChoice}.
 *
 * <p>Declare a {@code KafkaFixture} parameter on a test method, a {@code @BeforeEach} method or a constructor.
 * A test method and its {@code @BeforeEach} methods share one fixture; a constructor gets a fixture of its own
 * (closed when the test class is done).
 */
public final class KafkaExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaFixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        // AutoCloseable values in the root store are closed by JUnit (5.13+) once the whole run is done.
        SharedKafka kafka = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedKafka.class, k -> SharedKafka.start(), SharedKafka.class);
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (context.getTestMethod().isPresent()) {
            return store.getOrComputeIfAbsent(KafkaFixture.class,
                    k -> new KafkaFixture(kafka, context.getRequiredTestMethod().getName()), KafkaFixture.class);
        }
        // Class-level context (constructor injection): a fresh fixture per instance, so tests still differ.
        KafkaFixture fixture = new KafkaFixture(kafka, context.getRequiredTestClass().getSimpleName());
        store.put(new Object(), fixture);
        return fixture;
    }
}
