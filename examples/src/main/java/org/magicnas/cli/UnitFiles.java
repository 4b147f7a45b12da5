package org.magicnas.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.magicnas.run.RunDirectory;

/**
 * A unit's files on their way between the run directory and a task: read by name, unpacked into a
 * scratch directory, and stored back into the run so that a killed driver never leaves a unit that
 * looks finished without its files.
 */
final class UnitFiles {
    private UnitFiles() {}

    /**
     * Every regular file under the given paths that exists, by {@code /}-separated name relative to the root.
     *
     * @param root the directory
     * @param paths files or directories relative to it
     * @return the files' contents, by name
     * @throws IOException if one cannot be read
     */
    static TreeMap<String, byte[]> read(Path root, List<String> paths) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        for (String p : paths) {
            for (String name : names(root, p)) {
                files.put(name, Files.readAllBytes(root.resolve(name)));
            }
        }
        return files;
    }

    /**
     * Writes files into a directory (a task's scratch directory).
     *
     * @param root the directory
     * @param files the files, by relative name
     * @throws IOException if one cannot be written
     */
    static void unpack(Path root, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = root.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
    }

    /**
     * Stores what a unit's task sent back: its files, each written whole (a file that holds the same
     * bytes already is left as it was), then removes what the unit left there before and no longer has
     * (an interrupted run's older checkpoints), then its stage files in the order it finished them.
     *
     * @param run the run directory
     * @param unit the unit
     * @param output the task's output: every file the unit owns
     * @throws IOException if a file cannot be written or removed
     * @throws IllegalStateException if the output lacks the unit's last stage file
     */
    static void store(RunDirectory run, RunUnit unit, TaskOutput output) throws IOException {
        String last = unit.stages().get(unit.stages().size() - 1);
        if (!output.files().containsKey(last)) {
            throw new IllegalStateException("the task of '" + unit.label() + "' sent back no " + last);
        }
        for (Map.Entry<String, byte[]> f : output.files().entrySet()) {
            if (!unit.stages().contains(f.getKey())) {
                write(run, f.getKey(), f.getValue());
            }
        }
        for (String owned : unit.owns()) {
            for (String name : names(run.root(), owned)) {
                if (!output.files().containsKey(name)) {
                    Files.delete(run.resolve(name));
                }
            }
            removeEmptyDirectories(run.resolve(owned));
        }
        for (String stage : unit.stages()) {
            byte[] bytes = output.files().get(stage);
            if (bytes != null) {
                write(run, stage, bytes);
            }
        }
    }

    /** Writes a file whole, unless it holds these bytes already (what the unit had finished before stays as it was). */
    private static void write(RunDirectory run, String name, byte[] bytes) throws IOException {
        Path target = run.resolve(name);
        if (!(Files.isRegularFile(target) && Files.size(target) == bytes.length && Arrays.equals(Files.readAllBytes(target), bytes))) {
            run.write(name, bytes);
        }
    }

    /** The regular files at or below a relative path, by relative name; none if it does not exist. */
    private static List<String> names(Path root, String path) throws IOException {
        Path start = root.resolve(path);
        if (!Files.exists(start)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"))
                    .sorted().toList();
        }
    }

    private static void removeEmptyDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                try (Stream<Path> entries = Files.list(d)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(d);
                    }
                }
            }
        }
    }
}
