package org.parley.coder;

import java.time.Instant;
import java.time.LocalDate;

/** One article to code. {@code date} and {@code ingestedAt} may be null; see {@link EventCoder#code}. */
public record CoderInput(String articleId, String text, LocalDate date, Instant ingestedAt) {
}
