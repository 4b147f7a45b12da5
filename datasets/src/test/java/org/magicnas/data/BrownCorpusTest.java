package org.magicnas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrownCorpusTest {

    @TempDir Path temp;

    @Test
    void parsesNltkLayoutAndStripsTags() throws IOException {
        BrownCorpus corpus = BrownCorpus.load(Fixtures.writeTinyBrown(temp.resolve("brown")));
        List<Document> docs = corpus.documents();
        assertEquals(List.of("ca01", "cb01", "cr01"), docs.stream().map(Document::id).toList());
        assertEquals(List.of("news", "editorial", "humor"),
                docs.stream().map(Document::category).toList());
        assertEquals(List.of("The Fulton County jury said `` no '' .",
                "Atlanta's 1/2 mayor , however , won ."), docs.get(0).sentences());
        assertEquals(List.of("Opinion is divided ."), docs.get(1).sentences());
        assertEquals(3, docs.get(2).sentences().size());
        assertEquals(6, docs.stream().mapToInt(d -> d.sentences().size()).sum());
        assertEquals(9 + 8 + 4 + 4 + 3 + 3, docs.stream().mapToLong(Document::wordCount).sum());
        assertEquals("brown", corpus.name());
    }

    @Test
    void fingerprintIsStableAndContentSensitive() throws IOException {
        Path dir = Fixtures.writeTinyBrown(temp.resolve("brown"));
        String first = BrownCorpus.load(dir).fingerprint();
        assertEquals(first, BrownCorpus.load(dir).fingerprint());
        assertTrue(first.matches("[0-9a-f]{64}"));
        Files.writeString(dir.resolve("cb01"), "\n\n\tOpinion/nn is/bez united/vbn ./.\n");
        assertNotEquals(first, BrownCorpus.load(dir).fingerprint());
    }

    @Test
    void missingCatsFileNamesDirectory() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("nocats"));
        CorpusException e = assertThrows(CorpusException.class, () -> BrownCorpus.load(dir));
        assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("cats.txt"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void missingDirectoryNamesPath() {
        Path dir = temp.resolve("absent");
        CorpusException e = assertThrows(CorpusException.class, () -> BrownCorpus.load(dir));
        assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void listedFileMissingNamesFile() throws IOException {
        Path dir = Fixtures.writeTinyBrown(temp.resolve("brown"));
        Files.delete(dir.resolve("cb01"));
        CorpusException e = assertThrows(CorpusException.class, () -> BrownCorpus.load(dir));
        assertTrue(e.getMessage().contains(dir.resolve("cb01").toAbsolutePath().toString()),
                e.getMessage());
    }

    @Test
    void emptyCorpusFails() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("empty"));
        Files.writeString(dir.resolve("cats.txt"), "\n");
        CorpusException e = assertThrows(CorpusException.class, () -> BrownCorpus.load(dir));
        assertTrue(e.getMessage().contains(dir.resolve("cats.txt").toAbsolutePath().toString()),
                e.getMessage());

        Files.writeString(dir.resolve("cats.txt"), "ca01 news\n");
        Files.writeString(dir.resolve("ca01"), "\n\n\n");
        CorpusException e2 = assertThrows(CorpusException.class, () -> BrownCorpus.load(dir));
        assertTrue(e2.getMessage().contains(dir.toAbsolutePath().toString()), e2.getMessage());
        assertTrue(e2.getMessage().contains("empty"), e2.getMessage());
    }

    @Test
    void malformedCategoryLineFails() throws IOException {
        Path dir = Fixtures.writeTinyBrown(temp.resolve("brown"));
        Files.writeString(dir.resolve("cats.txt"), "ca01 news\ncb01\n");
        CorpusException e = assertThrows(CorpusException.class, () -> BrownCorpus.load(dir));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void plainTextCorpusSplitsLinesAndSentences() throws IOException {
        Path file = temp.resolve("text.txt");
        Files.writeString(file, "First one. Second one!  Third?\n\n   \nOnly sentence here\n"
                + "Version 1.5 stays whole. Done.\n");
        PlainTextCorpus corpus = PlainTextCorpus.load(file);
        List<Document> docs = corpus.documents();
        assertEquals(3, docs.size());
        assertEquals("line-1", docs.get(0).id());
        assertEquals("", docs.get(0).category());
        assertEquals(List.of("First one.", "Second one!", "Third?"), docs.get(0).sentences());
        assertEquals("line-4", docs.get(1).id());
        assertEquals(List.of("Version 1.5 stays whole.", "Done."), docs.get(2).sentences());
        assertEquals("text.txt", corpus.name());
    }

    @Test
    void plainTextErrorsNamePath() throws IOException {
        Path missing = temp.resolve("missing.txt");
        CorpusException e = assertThrows(CorpusException.class,
                () -> PlainTextCorpus.load(missing));
        assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e.getMessage());
        Path blank = Files.writeString(temp.resolve("blank.txt"), "\n  \n");
        CorpusException e2 = assertThrows(CorpusException.class, () -> PlainTextCorpus.load(blank));
        assertTrue(e2.getMessage().contains(blank.toAbsolutePath().toString()), e2.getMessage());
    }
}
