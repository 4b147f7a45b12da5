package org.magicnas.e2e;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.magicnas.data.TokenizerFiles;
import org.magicnas.data.Vocabulary;
import org.magicnas.data.WordPieceTrainer;
import org.magicnas.space.Architecture;
import org.magicnas.space.OperatorSpec;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.EncoderFiles;
import org.magicnas.supernet.SuperNetConfig;

/** Small GLUE files in the official layout and a small encoder, for the command-line tests. */
final class GlueFixtures {
    private GlueFixtures() {}

    private static final String[] WORDS = {"the", "film", "was", "great", "awful", "a", "man", "sings", "dog", "runs", "quickly", "slowly",
        "nobody", "liked", "it", "\"quoted\"", "story", "ends", "well", "badly"};

    private static String sentence(Random r) {
        StringBuilder b = new StringBuilder();
        int n = 4 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    /** SST-2, STS-B and MNLI in the official layouts (test files without labels, with an index). */
    static Path glueData(Path root) throws IOException {
        Random r = new Random(1);
        for (String split : List.of("train", "dev", "test")) {
            int n = split.equals("train") ? 60 : 12;
            List<String> sst = new ArrayList<>(List.of(split.equals("test") ? "index\tsentence" : "sentence\tlabel"));
            List<String> sts = new ArrayList<>(List.of(split.equals("test")
                    ? "index\tgenre\tfilename\tyear\told_index\tsource1\tsource2\tsentence1\tsentence2"
                    : "index\tgenre\tfilename\tyear\told_index\tsource1\tsource2\tsentence1\tsentence2\tscore"));
            for (int i = 0; i < n; i++) {
                sst.add(split.equals("test") ? i + "\t" + sentence(r) : sentence(r) + "\t" + r.nextInt(2));
                String row = i + "\tmain-news\tf\t2012\t" + i + "\tnone\tnone\t" + sentence(r) + "\t" + sentence(r);
                sts.add(split.equals("test") ? row : row + "\t" + String.format(Locale.ROOT, "%.3f", 5 * r.nextDouble()));
            }
            write(root.resolve("SST-2").resolve(split + ".tsv"), sst);
            write(root.resolve("STS-B").resolve(split + ".tsv"), sts);
        }
        String[] nli = {"entailment", "neutral", "contradiction"};
        String header = "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2";
        for (String file : List.of("train", "dev_matched", "dev_mismatched", "test_matched", "test_mismatched")) {
            boolean test = file.startsWith("test");
            boolean train = file.equals("train");
            List<String> rows = new ArrayList<>(List.of(header + (test ? "" : train ? "\tlabel1\tgold_label" : "\tlabel1\tlabel2\tlabel3\tlabel4\tlabel5\tgold_label")));
            for (int i = 0; i < (train ? 60 : 12); i++) {
                String row = i + "\t1\t1e\tfiction\tx\tx\tx\tx\t" + sentence(r) + "\t" + sentence(r);
                String gold = nli[r.nextInt(3)];
                rows.add(test ? row : train ? row + "\t" + gold + "\t" + gold : row + "\t" + gold + "\t" + gold + "\t" + gold + "\t" + gold + "\t" + gold + "\t" + gold);
            }
            write(root.resolve("MNLI").resolve(file + ".tsv"), rows);
        }
        return root;
    }

    /** The rows of one file of {@link #fullGlueData}. */
    private interface Rows {
        String row(int i, Random r);
    }

    /** Writes a file of {@code n} rows after the header; a header-less file when {@code header} is null. */
    private static void task(Path root, String relative, String header, int n, Random r, Rows rows) throws IOException {
        List<String> lines = new ArrayList<>();
        if (header != null) {
            lines.add(header);
        }
        for (int i = 0; i < n; i++) {
            lines.add(rows.row(i, r));
        }
        write(root.resolve(relative), lines);
    }

    /** Rows of train and dev files of the full fixture, of test files and of the diagnostic file. */
    static final int FULL_TRAIN = 24;
    static final int FULL_EVAL = 6;

    /**
     * Every GLUE task in the official layouts, small: the nine tasks' train, dev and test files (MNLI's matched and mismatched sets,
     * CoLA's header-less train and dev files, QQP's {@code id} column) and the diagnostic set {@code diagnostic/diagnostic.tsv}. The
     * WNLI files start with a UTF-8 byte order mark and end their lines with CRLF, as files saved on Windows do.
     */
    static Path fullGlueData(Path root) throws IOException {
        Random r = new Random(2);
        String[] nli = {"entailment", "neutral", "contradiction"};
        String[] qnli = {"entailment", "not_entailment"};
        for (String split : List.of("train", "dev", "test")) {
            boolean test = split.equals("test");
            int n = split.equals("train") ? FULL_TRAIN : FULL_EVAL;
            String file = split + ".tsv";
            task(root, "CoLA/" + file, test ? "index\tsentence" : null, n, r,
                    (i, g) -> test ? i + "\t" + sentence(g) : "gj04\t" + g.nextInt(2) + "\t\t" + sentence(g));
            task(root, "SST-2/" + file, test ? "index\tsentence" : "sentence\tlabel", n, r,
                    (i, g) -> test ? i + "\t" + sentence(g) : sentence(g) + "\t" + g.nextInt(2));
            task(root, "MRPC/" + file, (test ? "index" : "Quality") + "\t#1 ID\t#2 ID\t#1 String\t#2 String", n, r,
                    (i, g) -> (test ? i : g.nextInt(2)) + "\t" + (1000 + i) + "\t" + (2000 + i) + "\t" + sentence(g) + "\t" + sentence(g));
            task(root, "QQP/" + file, test ? "id\tquestion1\tquestion2" : "id\tqid1\tqid2\tquestion1\tquestion2\tis_duplicate", n, r,
                    (i, g) -> test ? i + "\t" + sentence(g) + "?\t" + sentence(g) + "?"
                            : i + "\t" + (2 * i) + "\t" + (2 * i + 1) + "\t" + sentence(g) + "?\t" + sentence(g) + "?\t" + g.nextInt(2));
            task(root, "STS-B/" + file, "index\tgenre\tfilename\tyear\told_index\tsource1\tsource2\tsentence1\tsentence2" + (test ? "" : "\tscore"), n, r,
                    (i, g) -> i + "\tmain-news\tf\t2012\t" + i + "\tnone\tnone\t" + sentence(g) + "\t" + sentence(g)
                            + (test ? "" : "\t" + String.format(Locale.ROOT, "%.3f", 5 * g.nextDouble())));
            task(root, "QNLI/" + file, "index\tquestion\tsentence" + (test ? "" : "\tlabel"), n, r,
                    (i, g) -> i + "\t" + sentence(g) + "?\t" + sentence(g) + (test ? "" : "\t" + qnli[g.nextInt(2)]));
            task(root, "RTE/" + file, "index\tsentence1\tsentence2" + (test ? "" : "\tlabel"), n, r,
                    (i, g) -> i + "\t" + sentence(g) + "\t" + sentence(g) + (test ? "" : "\t" + qnli[g.nextInt(2)]));
            List<String> wnli = new ArrayList<>(List.of("index\tsentence1\tsentence2" + (test ? "" : "\tlabel")));
            for (int i = 0; i < n; i++) {
                wnli.add(i + "\t" + sentence(r) + "\t" + sentence(r) + (test ? "" : "\t" + r.nextInt(2)));
            }
            Files.createDirectories(root.resolve("WNLI"));
            Files.writeString(root.resolve("WNLI").resolve(file), "\uFEFF" + String.join("\r\n", wnli) + "\r\n");
        }
        String header = "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2";
        for (String file : List.of("train", "dev_matched", "dev_mismatched", "test_matched", "test_mismatched")) {
            boolean test = file.startsWith("test");
            boolean train = file.equals("train");
            task(root, "MNLI/" + file + ".tsv", header + (test ? "" : train ? "\tlabel1\tgold_label" : "\tlabel1\tlabel2\tlabel3\tlabel4\tlabel5\tgold_label"),
                    train ? FULL_TRAIN : FULL_EVAL, r, (i, g) -> {
                        String row = i + "\t1\t1e\tfiction\tx\tx\tx\tx\t" + sentence(g) + "\t" + sentence(g);
                        String gold = nli[g.nextInt(3)];
                        return test ? row : train ? row + "\t" + gold + "\t" + gold : row + ("\t" + gold).repeat(6);
                    });
        }
        task(root, "diagnostic/diagnostic.tsv", "index\tsentence1\tsentence2", FULL_EVAL + 1, r, (i, g) -> i + "\t" + sentence(g) + "\t" + sentence(g));
        return root;
    }

    static Path encoder(Path dir) throws IOException {
        List<String> texts = new ArrayList<>();
        texts.add(String.join(" ", WORDS));
        Vocabulary vocab = WordPieceTrainer.train(texts, 80, 1);
        Files.createDirectories(dir);
        TokenizerFiles.write(vocab, dir.resolve("tokenizer.json"));
        SearchSpace space = new SearchSpace("t", 32, 2, 32, List.of(OperatorSpec.mha(2, 32), OperatorSpec.ffn("FFN", 64)));
        SuperNetConfig config = new SuperNetConfig(space, vocab.size(), 64, 0.1f);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            ChildModel child = ChildModel.create(config, Architecture.parse(space, "MHA2,FFN"));
            child.initialize(m);
            EncoderFiles.save(dir, config, child);
        }
        return dir;
    }
}
