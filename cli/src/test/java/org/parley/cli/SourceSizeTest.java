package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps every main class of every module, the coder included, readable in one sitting: no file over
 * {@value SourceSizes#MAX_FILE_LINES} lines, no method over {@value SourceSizes#MAX_METHOD_LINES} (issue 13).
 * It lives in cli, the module built after the parts, and reads the sources from the project root.
 */
class SourceSizeTest {

    private static final Path ROOT = SourceSizes.projectRoot(Path.of(""));

    @Test
    void noMainClassOrMethodIsOverItsLimit() {
        assertThat(SourceSizes.mainSources(ROOT)).as("main sources found under " + ROOT).hasSizeGreaterThan(100);
        assertThat(SourceSizes.violations(ROOT)).as("files and methods over the limits").isEmpty();
    }

    @Test
    void measuresMethodsNotTheBlocksInsideThem() {
        String source = """
                package x;

                /** A { brace in a comment. */
                class A {
                    private static final Runnable R = new Runnable() {
                        @Override
                        public void run() {
                            System.out.println("}");
                        }
                    };

                    static {
                        System.out.println('{');
                    }

                    A() throws Exception {
                        for (int i = 0; i < 1; i++) {
                            Runnable r = () -> {
                            };
                        }
                    }

                    record P(int x) {
                        P {
                            if (x < 0) {
                                throw new IllegalArgumentException();
                            }
                        }
                    }
                }
                """;
        List<int[]> methods = SourceSizes.methods(source);
        assertThat(methods).extracting(m -> m[0] + "-" + m[1])
                .containsExactlyInAnyOrder("7-9", "12-14", "16-21", "24-28");
        assertThat(SourceSizes.violations(Path.of("A.java"), source)).isEmpty();
    }
}
