package org.magicnas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.magicnas.run.RunDirectory;

/**
 * A unit of a command's run (a pipeline's search or row, an image search's super-net or retraining): a
 * pure function of the command's options and of the files it reads in the run directory, which leaves
 * its result there as files. Its stage files say how far it got: a run skips it once the last one
 * exists, and it skips its own finished stages when it runs again. Units run one after the other in
 * the command's JVM ({@link UnitRunner#runHere}), or as cluster tasks against a scratch directory
 * ({@link UnitRunner#runOnCluster}); either way the same body writes the same files.
 *
 * @param id names it among the run's units
 * @param label what progress lines call it
 * @param reads what it reads of other units' results (paths relative to the run directory); it runs after the units that own them
 * @param owns what it writes: files, or directories with everything below them
 * @param stages its stage files (within what it owns), in the order it finishes them
 * @param body runs it in a run directory
 */
record RunUnit(String id, String label, List<String> reads, List<String> owns, List<String> stages, Body body) {

    /** What a unit does in a run directory. */
    interface Body {
        /**
         * Runs the unit, skipping the stages it finished before.
         *
         * @param run the run directory (the command's, or a task's scratch copy)
         * @return a progress summary
         * @throws Exception on failure
         */
        String run(RunDirectory run) throws Exception;
    }

    /**
     * Whether the unit finished in a run directory: its last stage file exists.
     *
     * @param run the run directory
     * @return whether it finished
     */
    boolean finished(Path run) {
        return Files.isRegularFile(run.resolve(stages.get(stages.size() - 1)));
    }

    /**
     * Whether this unit reads what another unit writes.
     *
     * @param other the other unit
     * @return whether it must run after it
     */
    boolean waitsFor(RunUnit other) {
        return reads.stream().anyMatch(r -> other.owns.stream().anyMatch(o -> within(r, o)));
    }

    /**
     * Whether a relative path is a path or lies below it.
     *
     * @param path a relative path ({@code /}-separated)
     * @param owned a file or directory
     * @return whether {@code path} is {@code owned} or lies below it
     */
    static boolean within(String path, String owned) {
        return path.equals(owned) || path.startsWith(owned + "/");
    }
}
