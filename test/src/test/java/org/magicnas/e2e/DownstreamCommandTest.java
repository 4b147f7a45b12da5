package org.magicnas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.cli.Magic;
import org.tribuo.Model;

/** finetune and glue end to end on small files in the official GLUE layout. */
class DownstreamCommandTest {
    private record Result(int code, String err) {}

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        int code = Magic.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        return new Result(code, err.toString());
    }

    @Test
    void glueRunsEveryTaskWritesSubmissionFilesAndATable(@TempDir Path tmp) throws Exception {
        Path data = GlueFixtures.glueData(tmp.resolve("glue"));
        Path encoder = GlueFixtures.encoder(tmp.resolve("encoder"));
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
}
