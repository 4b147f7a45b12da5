package org.magicnas.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sizes of a rank-correlation study: one of under a minute for tests, one that finishes within an
 * hour on two CPU cores, one with the power to judge the paper's claims within two hours on two cores
 * (the default), an image study, and the paper's (section 5.2: 60 children, BERT space) for machines
 * that can afford it. Every value can be overridden on the command line.
 *
 * @param id the name on the command line
 */
enum StudyPreset {
    /** Under a minute: for tests and a first look. */
    QUICK("quick", "rank-cpu", 500, 32, 8, 6, 15, 3, 24, 2, List.of("spos", "magic-t", "magic-a", "magic-at"), List.of(1L), List.of()),
    /** Under an hour on two cores. */
    CPU_60("cpu-60", "rank-cpu", 2048, 64, 32, 24, 900, 8, 1500, 32, List.of("spos", "magic-t", "magic-a", "magic-at", "magic-t:k=4"), List.of(1L, 2L), List.of()),
    /**
     * The study that can answer Table 1 and Figure 3 on two cores within two hours: the 8-layer
     * {@code rank8-cpu} space, 64 children each trained with two seeds (the ground truth is their mean,
     * the two seeds give the noise ceiling over all 64), three super-net seeds for each method, and a
     * k-sweep {1, 2, 4} and an anchor-percentile sweep {10, 30, 50} with one seed each (ranking 50 children
     * every 100 steps, the paper's "epoch" at this scale: every 10 steps would cost seven times the training).
     */
    CPU_120("cpu-120", "rank8-cpu", 2048, 64, 32, 64, 800, 64, 3000, 32, List.of("spos", "magic-t", "magic-a", "magic-at"), List.of(1L, 2L, 3L),
            List.of("magic-t:k=2", "magic-t:k=4", "magic-a:p=10:e=100", "magic-a:p=30:e=100", "magic-a:p=50:e=100")),
    /**
     * The image space on Fashion-MNIST in about half an hour on two cores: 20 children of 300 steps of 64
     * images, validation on 16 batches (1024 images); the vocabulary and sequence length are unused.
     */
    IMAGE_CPU("image-cpu", "mobilenet-cpu", 500, 32, 64, 20, 300, 8, 600, 16, List.of("spos", "magic-t", "magic-a", "magic-at"), List.of(1L), List.of()),
    /** The paper's scale: 60 children of the BERT space (stand-alone budgets far beyond a CPU). */
    PAPER("paper", "paper-bert", 32768, 128, 256, 60, 125000, 10, 125000, 64, List.of("spos", "magic-t", "magic-a", "magic-at", "magic-t:k=2",
            "magic-t:k=4", "magic-a:p=10", "magic-a:p=30", "magic-a:p=50", "magic-a:p=70"), List.of(1L, 2L, 3L), List.of());

    final String id;
    final String space;
    final int vocabSize;
    final int seqLen;
    final int batchSize;
    final int children;
    final int childSteps;
    final int noiseChildren;
    final int supernetSteps;
    final int valBatches;
    final List<String> methods;
    final List<Long> seeds;
    /** Variants trained with the first seed only (the k and anchor-percentile sweeps). */
    final List<String> sweeps;

    StudyPreset(String id, String space, int vocabSize, int seqLen, int batchSize, int children, int childSteps, int noiseChildren,
            int supernetSteps, int valBatches, List<String> methods, List<Long> seeds, List<String> sweeps) {
        this.id = id;
        this.space = space;
        this.vocabSize = vocabSize;
        this.seqLen = seqLen;
        this.batchSize = batchSize;
        this.children = children;
        this.childSteps = childSteps;
        this.noiseChildren = noiseChildren;
        this.supernetSteps = supernetSteps;
        this.valBatches = valBatches;
        this.methods = methods;
        this.seeds = seeds;
        this.sweeps = sweeps;
    }

    static StudyPreset of(String name) {
        for (StudyPreset p : values()) {
            if (p.id.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown study preset '" + name + "', allowed: "
                + Arrays.stream(values()).map(p -> p.id).collect(Collectors.joining(", ")));
    }
}
