package org.magicnas.cli;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.magicnas.run.RunDirectory;

/**
 * A {@link RunUnit} as a cluster task. On an executor the command's units are opened from the run's
 * options (once per JVM, then shared by its task threads; in Spark's local mode the driver's own), the
 * unit runs against a scratch directory that holds what it reads (the results of the units it waits
 * for, and whatever it left in the run before, so that an interrupted training goes on from its
 * checkpoint), and every file it owns goes back to the driver.
 *
 * @param origin the run
 * @param unit the unit's id
 * @param inputs the files it reads, by name relative to the run directory
 */
record UnitTask(Origin origin, String unit, TreeMap<String, byte[]> inputs) implements ClusterTask {
    private static final long serialVersionUID = 1L;

    /** The units open in this JVM, by run. */
    private static final ExecutorShared<UnitCommand.Units> OPEN = new ExecutorShared<>();

    /**
     * The run that tasks rebuild their unit from.
     *
     * @param args the driver's command line (the command, with its device options)
     * @param options the run's options, as its options file holds them (JSON)
     * @param workingDir the driver's working directory, against which relative paths in the options are read
     */
    record Origin(List<String> args, String options, String workingDir) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Keeps a serializable copy of the command line. */
        Origin {
            args = List.copyOf(args);
        }
    }

    /**
     * Offers the driver's open units to the tasks in its JVM (Spark's local mode), so that they do not read the data again.
     *
     * @param origin the run
     * @param units its units
     */
    static void share(Origin origin, UnitCommand.Units units) {
        OPEN.share(origin, units);
    }

    /**
     * Withdraws shared units (the driver closes them).
     *
     * @param origin the run
     */
    static void unshare(Origin origin) {
        OPEN.unshare(origin);
    }

    @Override
    public TaskOutput run(String gpu) throws Exception {
        UnitCommand.Units units = OPEN.get(origin,
                () -> ClusterTask.command(origin.args(), gpu, UnitCommand.class).openUnits(origin.options(), Path.of(origin.workingDir())));
        RunUnit u = units.units().stream().filter(x -> x.id().equals(unit)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unit '" + unit + "' in this run"));
        try (ScratchDirectory dir = new ScratchDirectory("magic-unit")) {
            UnitFiles.unpack(dir.path(), inputs);
            long start = System.nanoTime();
            String summary = u.body().run(RunDirectory.open(dir.path()));
            double seconds = (System.nanoTime() - start) / 1e9;
            return new TaskOutput(summary, UnitFiles.read(dir.path(), u.owns()), seconds);
        }
    }
}
