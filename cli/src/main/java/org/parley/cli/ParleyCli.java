package org.parley.cli;

import org.parley.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley}: one entry point for every part of Parley. */
@Command(name = "parley", mixinStandardHelpOptions = true, version = "parley 0.1.0",
        description = "Streams news articles into coded diplomatic events and live stance aggregates.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            BrokerCommand.class,
            IngestCommand.class,
            ProcessCommand.class,
            SinkCommand.class,
            WatchCommand.class,
            SubscribeCommand.class,
            CodeCommand.class,
            LearnCommand.class,
            EvalCommand.class,
            DictionaryCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ParleyCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; tests call this instead of main. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs a command line with its output and errors going to the given writers. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    /** The command line, with failures the user can act on ({@link CliFailure}) said in one line, no trace. */
    static CommandLine commandLine() {
        return new CommandLine(new ParleyCli()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CliFailure f) {
                cmd.getErr().println("parley " + cmd.getCommandName() + ": " + f.getMessage());
                cmd.getErr().flush();
                return f.exitCode();
            }
            throw e;
        });
    }
}
