package org.magicnas.cli;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Work that a {@link TaskCluster} runs on an executor: serializable, and a pure function of what it
 * carries, so that a retried attempt returns the same output.
 */
public interface ClusterTask extends Serializable {

    /**
     * Runs the task on an executor thread (whose native thread count and gradient mode the cluster has set).
     *
     * @param gpu the address of the GPU the cluster assigned to this task, or null
     * @return what the task wrote
     * @throws Exception if the task fails
     */
    TaskOutput run(String gpu) throws Exception;

    /**
     * Rebuilds a command on an executor from the driver's command line and applies its device options;
     * a task given a GPU runs on it ({@code --device gpu:N}) unless the command line names a device.
     *
     * @param args the driver's command line (the subcommand and its options)
     * @param gpu the GPU the cluster assigned, or null
     * @param type the command's type
     * @param <T> the command's type
     * @return the parsed command (not yet run)
     * @throws IllegalArgumentException if the command line is not one of that command
     */
    static <T> T command(List<String> args, String gpu, Class<T> type) {
        List<String> line = new ArrayList<>(args);
        if (gpu != null && !line.contains("--device")) {
            // One GPU per executor: what the executor builds once keeps it.
            line.addAll(List.of("--device", "gpu:" + gpu));
        }
        CommandLine.ParseResult parsed = Magic.commandLine().parseArgs(line.toArray(String[]::new));
        if (!parsed.hasSubcommand() || !type.isInstance(parsed.subcommand().commandSpec().userObject())) {
            throw new IllegalArgumentException("not a command line of " + type.getSimpleName() + ": " + args);
        }
        // --device (and --precision) as the driver's command line gives them; the device is this JVM's.
        Magic.applyDevice(parsed.subcommand());
        return type.cast(parsed.subcommand().commandSpec().userObject());
    }
}
