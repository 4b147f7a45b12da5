package org.magicnas.cli;

import java.nio.file.Path;
import java.util.List;

/** A command whose run is made of {@link RunUnit}s, which a cluster's tasks rebuild from the run's options. */
interface UnitCommand {

    /**
     * Opens the units of a run.
     *
     * @param options the run's options, as its options file holds them (JSON)
     * @param workingDir what relative paths in the options are relative to: the driver's working directory
     * @return the units (close them)
     * @throws Exception if the data they share cannot be read
     */
    Units openUnits(String options, Path workingDir) throws Exception;

    /** A run's units and the read-only data they share, open until closed. */
    interface Units extends AutoCloseable {
        /**
         * The units, in the order a run without a cluster runs them.
         *
         * @return the units
         */
        List<RunUnit> units();
    }
}
