package org.magicnas.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.run.RunDirectory;

/** A unit's files between the run and a task: what goes to the task, and what the driver makes of what comes back. */
class UnitFilesTest {
    private static final RunUnit ROW = new RunUnit("row", "row", List.of("search/children.json"), List.of("row-checkpoints", "row-mlm.json",
            "row-genre.json"), List.of("row-mlm.json", "row-genre.json"), run -> "");
    private static final RunUnit SEARCH = new RunUnit("search", "search", List.of(), List.of("search"), List.of("search/children.json"), run -> "");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aUnitWaitsForTheUnitsThatOwnWhatItReads() {
        assertTrue(ROW.waitsFor(SEARCH));
        assertFalse(SEARCH.waitsFor(ROW));
        assertFalse(RunUnit.within("search-2/children.json", "search"), "a sibling with a longer name is not below it");
    }

    @Test
    void readsEveryFileBelowThePathsThatExist(@TempDir Path tmp) throws IOException {
        RunDirectory run = RunDirectory.open(tmp);
        run.writeString("search/children.json", "[]");
        run.writeString("search/checkpoints/step-1/weights", "w");
        run.writeString("other.json", "{}");
        TreeMap<String, byte[]> files = UnitFiles.read(tmp, List.of("search", "missing"));
        assertEquals(List.of("search/checkpoints/step-1/weights", "search/children.json"), List.copyOf(files.keySet()));
    }

    @Test
    void storesTheOutputRemovesWhatTheUnitNoLongerHasAndLeavesSameFilesAlone(@TempDir Path tmp) throws Exception {
        RunDirectory run = RunDirectory.open(tmp);
        run.writeString("row-mlm.json", "{\"loss\": 1}");
        run.writeString("row-checkpoints/step-4/weights", "old");
        run.writeString("unowned.txt", "kept");
        FileTime before = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(run.resolve("row-mlm.json"), before);
        TreeMap<String, byte[]> out = new TreeMap<>();
        out.put("row-mlm.json", bytes("{\"loss\": 1}"));
        out.put("row-checkpoints/step-20/weights", bytes("new"));
        out.put("row-genre.json", bytes("{\"accuracy\": 0.5}"));
        UnitFiles.store(run, ROW, new TaskOutput("done", out, 1));
        assertEquals(List.of("row-checkpoints/step-20/weights", "row-genre.json", "row-mlm.json", "unowned.txt"), names(tmp));
        assertEquals(before, Files.getLastModifiedTime(run.resolve("row-mlm.json")), "a file with the same bytes is left as it was");
        assertArrayEquals(bytes("new"), Files.readAllBytes(run.resolve("row-checkpoints/step-20/weights")));
        assertFalse(Files.exists(run.resolve("row-checkpoints/step-4")), "the emptied directory is gone");
    }

    @Test
    void anOutputWithoutTheLastStageIsRefusedBeforeAnythingIsWritten(@TempDir Path tmp) {
        RunDirectory run = RunDirectory.open(tmp);
        TreeMap<String, byte[]> out = new TreeMap<>();
        out.put("row-mlm.json", bytes("{}"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> UnitFiles.store(run, ROW, new TaskOutput("", out, 1)));
        assertTrue(e.getMessage().contains("row-genre.json"), e.getMessage());
        assertFalse(Files.exists(run.resolve("row-mlm.json")));
    }

    /** The regular files of a directory, by relative name. */
    private static List<String> names(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
        }
    }
}
