package org.magicnas.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.magicnas.run.RunDirectory;
import picocli.CommandLine.Command;

/**
 * Run directories that remember the command that made them ({@value #COMMAND_FILE}) and its options,
 * so that {@code --resume <run>} continues a run of the same command and refuses any other.
 */
final class CommandRuns {
    /** The file naming the command that made a run. */
    static final String COMMAND_FILE = "command.txt";

    private CommandRuns() {}

    /** A command whose runs resume: it works in a new run directory, or continues one. */
    interface Resumable {
        /**
         * Runs the command.
         *
         * @param resumed the run to continue, or null for a new one
         * @return the exit code
         * @throws Exception on failure
         */
        int execute(RunDirectory resumed) throws Exception;

        /**
         * Takes, before a resumed run executes, what the command line gives and a run's options do not
         * hold (where its jobs run); nothing by default.
         *
         * @param given the command as given on the command line
         */
        default void keepInvocation(Resumable given) {}
    }

    /**
     * Runs a resumable command: as given, or, with {@code --resume}, with the options its run was started with.
     *
     * @param resume the run to resume, or null
     * @param command the command as parsed
     * @param optionsFile the file its runs keep their options in
     * @return the exit code
     * @throws Exception on failure, or if the run was made by another command
     */
    static int call(Path resume, Resumable command, String optionsFile) throws Exception {
        if (resume == null) {
            return command.execute(null);
        }
        RunDirectory run = resume(resume, command);
        Resumable resumed = options(run, optionsFile, command.getClass());
        resumed.keepInvocation(command);
        return resumed.execute(run);
    }

    /**
     * Steps between checkpoints for about ten per training, so that an interrupted one loses little.
     *
     * @param steps the training's steps
     * @return the interval, at least 1
     */
    static int checkpointEvery(long steps) {
        return (int) Math.max(1, steps / 10);
    }

    /**
     * Creates a run directory for a command and writes its options.
     *
     * @param runsDir where run directories go
     * @param name the run's name
     * @param command the picocli command object
     * @param optionsFile the options file's name
     * @param options the options
     * @return the run directory
     * @throws IOException if writing fails
     */
    static RunDirectory create(Path runsDir, String name, Object command, String optionsFile, Object options) throws IOException {
        RunDirectory run = RunDirectory.create(runsDir, name);
        run.writeString(COMMAND_FILE, name(command) + "\n");
        run.writeString(optionsFile, SuperNetRun.GSON.toJson(options));
        return run;
    }

    /**
     * Opens a run to resume, checking that the same command made it.
     *
     * @param dir the run directory
     * @param command the picocli command object
     * @return the run directory
     * @throws IllegalArgumentException (one line) if it is missing or was made by another command
     */
    static RunDirectory resume(Path dir, Object command) throws IOException {
        RunDirectory run = RunDirectory.open(dir);
        String expected = name(command);
        String madeBy = madeBy(run);
        if (!expected.equals(madeBy)) {
            throw new IllegalArgumentException("cannot resume " + dir + " with '" + expected + "': "
                    + (madeBy == null ? "it is not a run of any command (no " + COMMAND_FILE + ")"
                            : "it is a run of '" + madeBy + "'; resume it with: bin/magic " + madeBy + " --resume " + dir));
        }
        return run;
    }

    /**
     * Reads the options a run was started with.
     *
     * @param run the run
     * @param optionsFile the options file's name
     * @param type the options' class
     * @param <T> the options' type
     * @return the options
     * @throws IOException if the file cannot be read
     */
    static <T> T options(RunDirectory run, String optionsFile, Class<T> type) throws IOException {
        Path file = run.resolve(optionsFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cannot resume " + run + ": it has no " + optionsFile);
        }
        return SuperNetRun.GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), type);
    }

    /** The command that made a run; runs made before {@value #COMMAND_FILE} existed: train-supernet's by their config.json. */
    private static String madeBy(RunDirectory run) throws IOException {
        Path file = run.resolve(COMMAND_FILE);
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        return Files.isRegularFile(run.resolve(SuperNetRun.CONFIG)) ? "train-supernet" : null;
    }

    private static String name(Object command) {
        return command.getClass().getAnnotation(Command.class).name();
    }
}
