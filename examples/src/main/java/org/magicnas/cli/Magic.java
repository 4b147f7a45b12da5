package org.magicnas.cli;

import java.io.PrintWriter;
import org.magicnas.data.CorpusException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code magic} command line. */
@Command(name = "magic", mixinStandardHelpOptions = true, version = "magic 0.1.0",
        description = "Weight-sharing NAS with the interference fixes of MAGIC, on DJL.",
        subcommands = {TrainSupernetCommand.class, PipelineCommand.class, SearchCommand.class, BenchCommand.class, FinetuneCommand.class, GlueCommand.class, DistillCommand.class, ImageSearchCommand.class, InterferenceCommand.class, RankCorrelationCommand.class, ReplotCommand.class})
public final class Magic {
    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;

    /** The name of the {@link DeviceOptions} mixin every command gets. */
    private static final String DEVICE_MIXIN = "device";

    Magic() {}

    /**
     * Runs a command line and returns its exit code: 0 on success, 2 for bad input (one line on
     * standard error naming the value), 1 for other failures.
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs a command line with the given streams.
     *
     * @param out standard output of picocli (help, version)
     * @param err where errors go
     * @param args the arguments
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionStrategy(parseResult -> {
            CommandLine.ParseResult command = parseResult.subcommand();
            if (command != null && !command.isUsageHelpRequested() && !command.isVersionHelpRequested()) {
                try {
                    applyDevice(command);
                } catch (IllegalArgumentException e) {
                    err.println("magic: " + e.getMessage());
                    return BAD_INPUT;
                }
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("magic: " + ex.getMessage() + " (see --help)");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof CorpusException || ex instanceof org.magicnas.data.image.ImageDataException
                    || ex instanceof com.oracle.labs.mlrg.olcut.config.PropertyException) {
                err.println("magic: " + ex.getMessage());
                return BAD_INPUT;
            }
            err.println("magic: failed: " + ex);
            ex.printStackTrace(err);
            return 1;
        });
        return cli.execute(args);
    }

    /**
     * The command line's parser: every subcommand with the device options, later options overriding
     * earlier ones.
     *
     * @return a fresh parser
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Magic());
        cli.setOverwrittenOptionsAllowed(true);
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.addMixin(DEVICE_MIXIN, new DeviceOptions());
        }
        return cli;
    }

    /**
     * Applies the device options of a parsed subcommand, as {@link #run} does before running it.
     *
     * @param command the parsed subcommand
     */
    static void applyDevice(CommandLine.ParseResult command) {
        ((DeviceOptions) command.commandSpec().mixins().get(DEVICE_MIXIN).userObject()).apply(command.commandSpec().name());
    }

    /**
     * The entry point.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
