package org.magicnas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.magicnas.supernet.EncoderFiles;
import org.magicnas.tribuo.EncoderStart;
import org.magicnas.tribuo.MagicFineTuneTrainer;
import org.tribuo.Output;
import picocli.CommandLine.Option;

/** The options of downstream fine-tuning. */
public final class FineTuneOptions {
    @Option(names = "--encoder", description = "Encoder directory, or a run directory holding encoder/ (train-supernet writes one); required.")
    Path encoder;

    @Option(names = "--from-scratch", description = "Use only the encoder's architecture, freshly initialised.")
    boolean fromScratch;

    @Option(names = "--epochs", defaultValue = "3", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", defaultValue = "1e-4", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--batch-size", defaultValue = "32", description = "Examples per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--max-length", defaultValue = "64", description = "Longest token sequence (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--validation", defaultValue = "0.1", description = "Share of train held out for early stopping (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--patience", defaultValue = "2", description = "Epochs without improvement before stopping (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--skip-bad-rows", description = "Skip (and count) malformed data rows instead of failing.")
    boolean skipBadRows;

    /**
     * The encoder directory: {@code --encoder} itself or its {@code encoder/}.
     *
     * @return the directory
     * @throws IllegalArgumentException if there is no encoder there
     */
    Path encoderDir() {
        if (encoder == null) {
            throw new IllegalArgumentException("--encoder is required (or --resume <run>)");
        }
        Path dir = EncoderFiles.locate(encoder);
        if (!Files.isRegularFile(dir.resolve(EncoderFiles.DESCRIPTION))) {
            throw new IllegalArgumentException("--encoder " + encoder + " holds no encoder (" + EncoderFiles.DESCRIPTION + ", or encoder/"
                    + EncoderFiles.DESCRIPTION + ")");
        }
        if (!Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            throw new IllegalArgumentException("encoder " + dir + " has no tokenizer.json");
        }
        return dir;
    }

    /**
     * A trainer for an encoder directory.
     *
     * @param encoderDir the encoder
     * @param checkpoints where a checkpoint per epoch goes (and is resumed from)
     * @param <T> the output type
     * @return the trainer
     */
    <T extends Output<T>> MagicFineTuneTrainer<T> trainer(Path encoderDir, Path checkpoints) {
        return new MagicFineTuneTrainer<T>(encoderDir, fromScratch ? EncoderStart.SCRATCH : EncoderStart.PRETRAINED, epochs, lr, seed)
                .withShape(maxLength, batchSize, validation, patience).withCheckpoints(checkpoints);
    }
}
