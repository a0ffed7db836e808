package org.parley.cli;

import org.parley.processor.ProcessorSettings;
import picocli.CommandLine.Option;

/** The processor's HTTP API options of {@code process}, {@code run} and {@code demo}. */
public final class HttpOptions {
    @Option(names = "--port", paramLabel = "N", description = "HTTP port of the API and dashboard; 0 picks a free "
            + "one (default: $PARLEY_HTTP_PORT or 7070; demo: a free one)")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "HTTP bind address (default: $PARLEY_HTTP_BIND or 127.0.0.1)")
    String bind;

    /** {@code base} with the options given applied on top. */
    ProcessorSettings applyTo(ProcessorSettings base) {
        return base.withHttp(bind != null ? bind : base.httpBind(), port != null ? port : base.httpPort());
    }
}
