package org.parley.cli;

/**
 * A failure the user can act on, said in one line: {@link ParleyCli} prints "parley COMMAND: message" and exits
 * with {@link #exitCode()}, without a stack trace.
 */
final class CliFailure extends RuntimeException {
    private final int exitCode;

    CliFailure(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
