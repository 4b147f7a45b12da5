package org.magicnas.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The resident memory of this process (Linux), for progress lines and benchmarks. */
final class ProcessMemory {
    private ProcessMemory() {}

    /**
     * Resident set size.
     *
     * @return GiB, or NaN where {@code /proc/self/status} is not readable
     */
    static double residentGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / (1024.0 * 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
