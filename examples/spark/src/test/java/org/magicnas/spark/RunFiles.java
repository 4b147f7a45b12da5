package org.magicnas.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The files of run directories, compared byte for byte. */
final class RunFiles {
    private RunFiles() {}

    /**
     * Every regular file of a directory, by relative name.
     *
     * @param root the directory
     * @return the names, sorted
     * @throws IOException if it cannot be listed
     */
    static List<String> names(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
        }
    }

    /**
     * Asserts that two runs hold the same files, and the same bytes in each but those that record wall times.
     *
     * @param expected the run without Spark
     * @param actual the run on Spark
     * @param timed the files that record wall times (compared by name only)
     * @throws IOException if a file cannot be read
     */
    static void assertSame(Path expected, Path actual, Predicate<String> timed) throws IOException {
        List<String> names = names(expected);
        assertEquals(names, names(actual), "the same files");
        for (String name : names) {
            if (!timed.test(name)) {
                assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)), name);
            }
        }
    }

    /**
     * The modification times of files.
     *
     * @param root the directory
     * @param names their relative names
     * @return each one's time
     * @throws IOException if one is missing
     */
    static Map<String, FileTime> times(Path root, List<String> names) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        for (String n : names) {
            times.put(n, Files.getLastModifiedTime(root.resolve(n)));
        }
        return times;
    }

    /**
     * Copies some of a run's files and directories into a new directory.
     *
     * @param from the run
     * @param to the copy
     * @param paths the relative paths copied (files, or directories with everything below)
     * @throws IOException if copying fails
     */
    static void copy(Path from, Path to, List<String> paths) throws IOException {
        for (String name : names(from)) {
            if (paths.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "/"))) {
                Path target = to.resolve(name);
                Files.createDirectories(target.getParent());
                Files.copy(from.resolve(name), target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
