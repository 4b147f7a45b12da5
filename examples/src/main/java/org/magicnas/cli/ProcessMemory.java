package org.magicnas.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The resident memory and open files of this process (Linux), for progress lines and benchmarks. */
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

    /**
     * Open file descriptors.
     *
     * @return their number, or -1 where {@code /proc/self/fd} is not readable
     */
    static long openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
