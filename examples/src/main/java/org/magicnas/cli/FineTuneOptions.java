package org.magicnas.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.magicnas.data.TokenizerFiles;
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

    @Option(names = "--max-length", defaultValue = "0", description = "Longest token sequence, 0 for the encoder's positions (default: ${DEFAULT-VALUE}).")
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
     * Checks the options and the encoder (its description, weights and tokenizer) before anything is written, and takes the longest
     * sequence from the encoder's positions unless {@code --max-length} sets it.
     *
     * @return the encoder directory: {@code --encoder} itself or its {@code encoder/}
     * @throws IllegalArgumentException naming the first bad value or file
     */
    Path encoderDir() {
        if (encoder == null) {
            throw new IllegalArgumentException("--encoder is required (or --resume <run>)");
        }
        if (epochs < 1 || batchSize < 1 || patience < 1) {
            throw new IllegalArgumentException(epochs < 1 ? "--epochs must be >= 1, got " + epochs
                    : batchSize < 1 ? "--batch-size must be >= 1, got " + batchSize : "--patience must be >= 1, got " + patience);
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("--lr must be a positive number, got " + lr);
        }
        Path dir = EncoderFiles.locate(encoder);
        if (!Files.isRegularFile(dir.resolve(EncoderFiles.DESCRIPTION))) {
            throw new IllegalArgumentException("--encoder " + encoder + " holds no encoder (" + EncoderFiles.DESCRIPTION + ", or encoder/"
                    + EncoderFiles.DESCRIPTION + ")");
        }
        int positions;
        try {
            positions = EncoderFiles.spec(dir).config().maxPositions();
        } catch (IOException e) {
            throw new IllegalArgumentException("encoder " + dir + ": " + e.getMessage(), e);
        }
        if (!fromScratch && !Files.isRegularFile(dir.resolve(EncoderFiles.WEIGHTS))) {
            throw new IllegalArgumentException("encoder " + dir + " has no " + EncoderFiles.WEIGHTS + " (use --from-scratch for its architecture alone)");
        }
        TokenizerFiles.readVocabulary(dir.resolve("tokenizer.json"));
        if (maxLength == 0) {
            maxLength = positions;
        } else if (maxLength < 5 || maxLength > positions) {
            throw new IllegalArgumentException("--max-length must be in [5, " + positions + "] (the encoder's positions) or 0, got " + maxLength);
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
        MagicFineTuneTrainer<T> trainer = new MagicFineTuneTrainer<T>(encoderDir, fromScratch ? EncoderStart.SCRATCH : EncoderStart.PRETRAINED,
                epochs, lr, seed).withShape(maxLength, batchSize, validation, patience).withCheckpoints(checkpoints);
        trainer.setDevice(CommandDevice.name());
        return trainer;
    }
}
