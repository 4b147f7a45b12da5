package org.magicnas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.run.RunDirectory;
import org.magicnas.space.Architecture;
import org.magicnas.space.Preset;

/** {@code pipeline --seeds}: means with Student-t intervals over seeds and the paired MAGIC-AT minus SPOS row. */
class PipelineSeedsReportTest {
    private static final Architecture A = Architecture.parse(Preset.TINY.space(), "MHA4,FFN,MHA4,FFN");

    private static PipelineCommand.Row row(String name, double loss, double accuracy, double f1) {
        return new PipelineCommand.Row(name, A, 1, 1, loss, accuracy, f1);
    }

    @Test
    void meansIntervalsAndPairedDifference(@TempDir Path tmp) throws Exception {
        double[] at = {0.30, 0.32, 0.34};
        double[] spos = {0.28, 0.29, 0.33};
        List<List<PipelineCommand.Row>> tables = List.of(
                List.of(row("magic-at", 5.0, at[0], 0.1), row("spos", 5.1, spos[0], 0.1)),
                List.of(row("magic-at", 5.2, at[1], 0.1), row("spos", 5.1, spos[1], 0.1)),
                List.of(row("magic-at", 5.4, at[2], 0.1), row("spos", 5.1, spos[2], 0.1)));
        RunDirectory run = RunDirectory.create(tmp, "seeds");
        new PipelineSeedsReport(List.of(1L, 2L, 3L), tables).write(run);
        List<String> csv = Files.readAllLines(run.resolve("results.csv"));
        // magic-at accuracy: mean 0.32, sd 0.02, t(0.975, 2) = 4.302653 -> half-width 0.049683.
        assertEquals("magic-at,genre_accuracy,0.320000,0.270317,0.369683,3", csv.get(2));
        // spos MLM loss is constant: a zero-width interval.
        assertEquals("spos,mlm_val_loss,5.100000,5.100000,5.100000,3", csv.get(4));
        // Paired differences 0.02, 0.03, 0.01: mean 0.02, sd 0.01, half-width 0.024841, above 0.
        assertEquals("magic-at-minus-spos,genre_accuracy,0.020000,-0.004841,0.044841,3", csv.get(8));
        List<String[]> rows = org.magicnas.run.CsvFiles.read(run.resolve("results.csv"));
        assertEquals(List.of("row", "metric", "mean", "lower", "upper", "seeds"), List.of(rows.get(0)));
        assertEquals(csv.size(), rows.size());
        assertEquals(List.of("magic-at-minus-spos", "genre_accuracy", "0.020000", "-0.004841", "0.044841", "3"), List.of(rows.get(8)));
        String text = Files.readString(run.resolve("results.txt"));
        assertTrue(text.contains("accuracy no difference resolved"), text);
        assertTrue(text.contains("MLM loss no difference resolved"), text);
    }
}
