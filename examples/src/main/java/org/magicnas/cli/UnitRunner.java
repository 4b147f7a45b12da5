package org.magicnas.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.magicnas.run.RunDirectory;
import picocli.CommandLine;

/** Runs a command's {@link RunUnit}s: one after the other here, or as cluster tasks in the order their results allow. */
final class UnitRunner {
    private UnitRunner() {}

    /**
     * Runs the units that have not finished, in order, in this JVM.
     *
     * @param units the units
     * @param run the run directory
     * @throws Exception from a unit
     */
    static void runHere(List<RunUnit> units, RunDirectory run) throws Exception {
        for (RunUnit u : units) {
            if (u.finished(run.root())) {
                System.out.printf(Locale.ROOT, "== %s: finished before%n", u.label());
            } else {
                u.body().run(run);
            }
        }
    }

    /**
     * Runs the units that have not finished as cluster tasks, each once the units it reads from are
     * back, and stores every unit's files in the run directory as they arrive.
     *
     * @param cluster the cluster
     * @param command the command as parsed: its command line is what tasks rebuild it from
     * @param options the run's options, as its options file holds them
     * @param units the driver's open units, offered to the tasks in its JVM
     * @param run the run directory
     * @throws Exception if a unit fails for good (the units back so far are stored) or cannot be stored
     */
    static void runOnCluster(TaskCluster cluster, CommandLine.Model.CommandSpec command, Object options, UnitCommand.Units units, RunDirectory run)
            throws Exception {
        UnitTask.Origin origin = new UnitTask.Origin(command.root().commandLine().getParseResult().originalArgs(), SuperNetRun.GSON.toJson(options),
                Path.of("").toAbsolutePath().toString());
        List<RunUnit> todo = new ArrayList<>();
        for (RunUnit u : units.units()) {
            if (u.finished(run.root())) {
                System.out.printf(Locale.ROOT, "[spark] %s: finished before%n", u.label());
            } else {
                todo.add(u);
            }
        }
        List<ClusterRun.Job> jobs = new ArrayList<>();
        for (RunUnit u : todo) {
            List<Integer> after = new ArrayList<>();
            for (int i = 0; i < todo.size(); i++) {
                if (todo.get(i) != u && u.waitsFor(todo.get(i))) {
                    after.add(i);
                }
            }
            List<String> inputs = new ArrayList<>(u.reads());
            inputs.addAll(u.owns());
            jobs.add(new ClusterRun.Job(u.label(), after, () -> new UnitTask(origin, u.id(), UnitFiles.read(run.root(), inputs)),
                    out -> UnitFiles.store(run, u, out)));
        }
        UnitTask.share(origin, units);
        try {
            ClusterRun.run(cluster, jobs, "the units back so far are kept; resume with: bin/magic " + command.name() + " --resume " + run);
        } finally {
            UnitTask.unshare(origin);
        }
    }
}
