package org.parley.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The fallback publication date of {@code ingest}, {@code run} and {@code demo}. */
public final class DateOption {
    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "publication date for articles whose page, fields, sidecar and text state none "
                    + "(else: the day of ingest)")
    LocalDate date;
}
