package org.magicnas.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code bin/magic pipeline}, saved as the run's {@value #FILE}, from which it resumes. */
public final class PipelineOptions {
    /** The file a pipeline run keeps its options in. */
    static final String FILE = "pipeline.json";

    @Option(names = "--budget", defaultValue = "1.0", description = "Scales every step count (1.0: about 15 minutes on 2 cores) (default: ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--space", defaultValue = "tiny", description = "Space preset (default: ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", split = ",",
            description = "Run the whole pipeline once per seed (data splits, super-nets, pre-training, fine-tuning) and report each row's mean"
                    + " with a 95%% t-interval over seeds, and the paired difference of magic-at against spos; replaces --seed.")
    List<Long> seeds;

    @Option(names = "--corpus", description = "Brown corpus directory (default: found or fetched).")
    Path corpus;

    @Option(names = "--max-params", defaultValue = "0", description = "Search: most parameters a child may have, 0 for none (default: ${DEFAULT-VALUE}).")
    long maxParams;

    @Option(names = "--max-flops", defaultValue = "0", description = "Search: most forward FLOPs per sequence, 0 for none (default: ${DEFAULT-VALUE}).")
    long maxFlops;

    @Option(names = "--genre-passages", defaultValue = "0",
            description = "Fine-tune and score the Brown genre task on a seeded sample of at most this many passages of each split (training"
                    + " and dev), 0 for all of them (about 23,400 and 2,900) (default: ${DEFAULT-VALUE}): a quick run of the whole pipeline.")
    int genrePassages;

    @Option(names = "--val-batches", defaultValue = "8",
            description = "Validation batches that score the children during shrinking and the pre-trained encoders (default: ${DEFAULT-VALUE});"
                    + " fewer make a quicker, noisier run: scoring dominates the super-net stage of a small run.")
    int valBatches = 8; // also the value of a pipeline.json written before the option existed

    @Option(names = "--electra", description = "Also pre-train the MAGIC-AT child ELECTRA-style (replaced-token detection): an E-magic-at row.")
    boolean electra;

    /**
     * Training steps of each super-net and of each stand-alone pre-training (the same budget for both).
     *
     * @return the steps at this budget
     */
    int steps() {
        return Math.max(20, (int) Math.round(1500 * budget));
    }

    /**
     * Maximum fine-tuning epochs.
     *
     * @return the epochs at this budget
     */
    int epochs() {
        return Math.max(1, (int) Math.round(budget));
    }
}
