package org.magicnas.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @Test
    void keepsTheNewestAndPointsAtTheLatest(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 2);
        assertTrue(store.latest().isEmpty());
        for (long step : new long[] {10, 20, 30}) {
            store.save(step, d -> Files.writeString(d.resolve("x"), "step " + step));
        }
        assertEquals(dir.resolve("step-000000030"), store.latest().orElseThrow());
        assertEquals("step 30", Files.readString(store.latest().orElseThrow().resolve("x")));
        assertEquals(List.of("latest", "step-000000020", "step-000000030"), names(dir));
    }

    @Test
    void aFailedWriteLeavesNothingBehind(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 2);
        store.save(1, d -> Files.writeString(d.resolve("x"), "ok"));
        assertThrows(IOException.class, () -> store.save(2, d -> {
            Files.writeString(d.resolve("x"), "half");
            throw new IOException("disk full");
        }));
        assertEquals(List.of("latest", "step-000000001"), names(dir));
        assertEquals(dir.resolve("step-000000001"), store.latest().orElseThrow());
    }

    @Test
    void aCheckpointIsMarkedCompleteWithItsFiles(@TempDir Path dir) throws IOException {
        Path saved = new CheckpointStore(dir, 2).save(1, d -> {
            Files.writeString(d.resolve("x"), "abc");
            Files.createDirectories(d.resolve("sub"));
            Files.writeString(d.resolve("sub/y"), "de");
        });
        assertEquals("sub/y 2\nx 3\n", Files.readString(saved.resolve(CheckpointStore.COMPLETE)));
        assertTrue(CheckpointStore.isComplete(saved));
    }

    @Test
    void aMissingPointerFallsBackToTheNewestCompleteCheckpointAndSaysSo(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 3);
        store.save(1, d -> Files.writeString(d.resolve("x"), "one"));
        store.save(2, d -> Files.writeString(d.resolve("x"), "two"));
        Files.delete(dir.resolve("latest"));
        List<String> warnings = new ArrayList<>();
        Path found = withWarnings(warnings, () -> new CheckpointStore(dir, 3).latest().orElseThrow());
        assertEquals(dir.resolve("step-000000002"), found);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("step-000000002"), warnings.get(0));
    }

    @Test
    void aPointerToAMissingCheckpointFallsBack(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 3);
        store.save(1, d -> Files.writeString(d.resolve("x"), "one"));
        Files.writeString(dir.resolve("latest"), "step-000000009\n");
        assertEquals(dir.resolve("step-000000001"), new CheckpointStore(dir, 3).latest().orElseThrow());
    }

    @Test
    void aDamagedOrUnmarkedCheckpointIsSkipped(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 3);
        store.save(1, d -> Files.writeString(d.resolve("x"), "one"));
        Path two = store.save(2, d -> Files.writeString(d.resolve("x"), "two"));
        Files.writeString(two.resolve("x"), "t");
        assertEquals(dir.resolve("step-000000001"), new CheckpointStore(dir, 3).latest().orElseThrow());
        Files.writeString(two.resolve("x"), "two");
        Files.delete(two.resolve(CheckpointStore.COMPLETE));
        assertEquals(dir.resolve("step-000000001"), new CheckpointStore(dir, 3).latest().orElseThrow());
        Files.writeString(dir.resolve("step-000000001/x"), "o");
        IOException damaged = assertThrows(IOException.class, () -> new CheckpointStore(dir, 3).latest(),
                "a checkpoint damaged after it was complete, and nothing to fall back to: refuse rather than start over");
        assertTrue(damaged.getMessage().contains("step-000000001") && damaged.getMessage().contains("damaged"), damaged.getMessage());
        CheckpointStore.deleteTree(dir.resolve("step-000000001"));
        Files.delete(dir.resolve("latest"));
        assertTrue(new CheckpointStore(dir, 3).latest().isEmpty(), "only an unfinished write: start over");
    }

    @Test
    void leftoversOfAKilledWriterAreRemovedOnTheNextStart(@TempDir Path dir) throws IOException {
        new CheckpointStore(dir, 2).save(1, d -> Files.writeString(d.resolve("x"), "one"));
        Path tmp = Files.createDirectories(dir.resolve(".tmp-step-000000002-123"));
        Files.writeString(tmp.resolve("x"), "half");
        Files.writeString(dir.resolve(".latest-456"), "step-000000002\n");
        assertEquals(dir.resolve("step-000000001"), new CheckpointStore(dir, 2).latest().orElseThrow());
        assertEquals(List.of(".latest-456", ".tmp-step-000000002-123", "latest", "step-000000001"), names(dir), "a reader changes nothing");
        new CheckpointStore(dir, 2).save(2, d -> Files.writeString(d.resolve("x"), "two"));
        assertEquals(List.of("latest", "step-000000001", "step-000000002"), names(dir));
    }

    @Test
    void resavingAStepKeepsTheOldOneUntilTheNewOneIsInPlace(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 2);
        Path one = store.save(1, d -> Files.writeString(d.resolve("x"), "old"));
        // A writer killed after moving the old checkpoint aside, before moving the new one in: the old one comes back.
        Files.move(one, dir.resolve(".old-step-000000001"));
        Path found = new CheckpointStore(dir, 2).latest().orElseThrow();
        assertEquals("old", Files.readString(found.resolve("x")));
        // The next writer puts it back, and a whole re-save replaces it and leaves nothing aside.
        new CheckpointStore(dir, 2).save(0, d -> Files.writeString(d.resolve("x"), "zero"));
        assertEquals(List.of("latest", "step-000000000", "step-000000001"), names(dir));
        assertEquals("old", Files.readString(one.resolve("x")));
        new CheckpointStore(dir, 2).save(1, d -> Files.writeString(d.resolve("x"), "new"));
        assertEquals("new", Files.readString(one.resolve("x")));
        assertEquals(List.of("latest", "step-000000000", "step-000000001"), names(dir));
    }

    @Test
    void aStoreWrittenBeforeMarkersStillResumes(@TempDir Path dir) throws IOException {
        Files.writeString(Files.createDirectories(dir.resolve("step-000000004")).resolve("x"), "legacy");
        Files.writeString(dir.resolve("latest"), "step-000000004\n");
        assertEquals(dir.resolve("step-000000004"), new CheckpointStore(dir, 2).latest().orElseThrow());
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T withWarnings(List<String> warnings, IoSupplier<T> body) throws IOException {
        Logger log = Logger.getLogger(CheckpointStore.class.getName());
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(h);
        try {
            return body.get();
        } finally {
            log.removeHandler(h);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
