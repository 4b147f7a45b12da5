package org.magicnas.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
