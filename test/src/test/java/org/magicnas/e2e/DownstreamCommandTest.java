package org.magicnas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.cli.Magic;
import org.magicnas.data.TokenizerFiles;
import org.magicnas.data.Vocabulary;
import org.magicnas.data.WordPieceTrainer;
import org.magicnas.space.Architecture;
import org.magicnas.space.OperatorSpec;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.EncoderFiles;
import org.magicnas.supernet.SuperNetConfig;
import org.tribuo.Model;

/** finetune and glue end to end on small files in the official GLUE layout. */
class DownstreamCommandTest {
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
                sts.add(split.equals("test") ? row : row + "\t" + String.format("%.3f", 5 * r.nextDouble()));
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

    private record Result(int code, String err) {}

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        int code = Magic.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        return new Result(code, err.toString());
    }

    @Test
    void glueRunsEveryTaskWritesSubmissionFilesAndATable(@TempDir Path tmp) throws Exception {
        Path data = glueData(tmp.resolve("glue"));
        Path encoder = encoder(tmp.resolve("encoder"));
        Path runs = tmp.resolve("runs");
        Result r = run("glue", "--data", data.toString(), "--encoder", encoder.toString(), "--epochs", "1", "--lr", "1e-3", "--runs-dir", runs.toString());
        assertEquals(0, r.code(), r.err());
        Path run;
        try (Stream<Path> s = Files.list(runs)) {
            run = s.findFirst().orElseThrow();
        }
        for (String f : List.of("SST-2.tsv", "STS-B.tsv", "MNLI-m.tsv", "MNLI-mm.tsv")) {
            List<String> lines = Files.readAllLines(run.resolve("predictions").resolve(f));
            assertEquals("index\tprediction", lines.get(0), f);
            assertEquals(13, lines.size(), f);
        }
        List<String> sts = Files.readAllLines(run.resolve("predictions").resolve("STS-B.tsv"));
        Double.parseDouble(sts.get(1).split("\t")[1]);
        assertTrue(List.of("entailment", "neutral", "contradiction").contains(Files.readAllLines(run.resolve("predictions").resolve("MNLI-m.tsv")).get(1).split("\t")[1]));
        String table = Files.readString(run.resolve("glue.txt"));
        for (String col : List.of("MNLI-m", "MNLI-mm", "SST-2", "STS-B", "AVG")) {
            assertTrue(table.contains(col), table);
        }
        assertTrue(Files.isRegularFile(run.resolve("mnli-encoder").resolve("encoder.params")), "STS-B starts from the MNLI model's encoder");
        Model<?> sst = Model.deserializeFromFile(run.resolve("SST-2.model"));
        assertTrue(sst.generatesProbabilities());
    }

    @Test
    void finetuneRejectsBadInputWithExitCode2(@TempDir Path tmp) throws Exception {
        Path encoder = encoder(tmp.resolve("encoder"));
        Result unknown = run("finetune", "--task", "SQuAD", "--data", tmp.toString(), "--encoder", encoder.toString(), "--runs-dir", tmp.resolve("r").toString());
        assertEquals(2, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("SQuAD"), unknown.err());
        Result missing = run("finetune", "--task", "SST-2", "--data", tmp.toString(), "--encoder", encoder.toString(), "--runs-dir", tmp.resolve("r").toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("SST-2/train.tsv"), missing.err());
        Result noEncoder = run("finetune", "--task", "SST-2", "--data", tmp.toString(), "--encoder", tmp.resolve("none").toString());
        assertEquals(2, noEncoder.code(), noEncoder.err());
        assertTrue(!Files.exists(tmp.resolve("r")), "no run directory for bad input");
    }
}
