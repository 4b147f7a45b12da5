package org.magicnas.data.tribuo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.magicnas.data.TokenizerFiles;
import org.magicnas.data.WordPieceTrainer;

/** Small WordPiece tokenizers trained for tests, written as {@code tokenizer.json}. */
public final class TestTokenizers {

    private TestTokenizers() {}

    /** The sample sentences of the datasets test resources. */
    public static List<String> sampleSentences() {
        try (InputStream in = TestTokenizers.class.getResourceAsStream(
                "/org/magicnas/data/sample.txt")) {
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Trains a 300-token vocabulary on the sample sentences plus {@code extra} and writes it.
     *
     * @param dir where to write {@code tokenizer.json}
     * @param extra more training texts
     * @return the tokenizer file
     */
    public static Path write(Path dir, List<String> extra) {
        List<String> texts = new ArrayList<>(sampleSentences());
        texts.addAll(extra);
        Path file = dir.resolve("tokenizer.json");
        TokenizerFiles.write(WordPieceTrainer.train(texts, 300, 1), file);
        return file;
    }

    /**
     * Lays out sentences as BERT does: {@code [CLS] s1 [SEP] s2 [SEP]}.
     *
     * @param sentences the sentences' ids
     * @return the ids with special tokens
     */
    public static int[] bert(int[]... sentences) {
        int length = 1;
        for (int[] s : sentences) {
            length += s.length + 1;
        }
        int[] ids = new int[length];
        ids[0] = 2;
        int at = 1;
        for (int[] s : sentences) {
            System.arraycopy(s, 0, ids, at, s.length);
            at += s.length;
            ids[at++] = 3;
        }
        return ids;
    }
}
