package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code PARLEY_*} variable the code declares is in the one table of docs/configuration.md and the table holds
 * no other, and only the one reader ({@code ParleyEnv}) reads the environment.
 */
class ConfigurationTest {
    private static final Path ROOT = SourceSizes.projectRoot(Path.of(""));
    private static final Pattern DECLARED = Pattern.compile("\"(PARLEY_[A-Z0-9_]+)\"");
    private static final Pattern ROW = Pattern.compile("^\\| `(PARLEY_[A-Z0-9_]+)`", Pattern.MULTILINE);
    /** The coder stays free of the Kafka contracts (and so of ParleyEnv): its one switch is read where it is used. */
    private static final Set<String> OTHER_READERS = Set.of("ParleyEnv.java", "LearnedOpinion.java");

    /** The variables the main code of every module names. */
    static Set<String> declaredInCode() {
        Set<String> names = new TreeSet<>();
        for (Path file : SourceSizes.mainSources(ROOT)) {
            Matcher m = DECLARED.matcher(read(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static Set<String> documented() {
        Set<String> names = new TreeSet<>();
        Matcher m = ROW.matcher(read(ROOT.resolve("docs/configuration.md")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void theTableListsEveryVariableTheCodeDeclaresAndNoOther() {
        assertThat(declaredInCode()).hasSizeGreaterThan(20);
        assertThat(documented()).containsExactlyElementsOf(declaredInCode());
    }

    @Test
    void onlyTheOneReaderReadsTheEnvironment() {
        assertThat(SourceSizes.mainSources(ROOT)).filteredOn(f -> read(f).contains("System.getenv("))
                .extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrderElementsOf(OTHER_READERS);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
