package org.magicnas.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.magicnas.run.CsvFiles;
import org.magicnas.supernet.ParameterIO;
import org.magicnas.train.CheckpointFiles;
import org.magicnas.train.SinglePathAdam;

/**
 * The files of a fine-tuning checkpoint after an epoch: the weights ({@code model.params}), the best
 * epoch's weights so far ({@code best.bin}), the optimizer ({@code optimizer.bin}), the epochs'
 * records ({@code history.csv}, for the reader) and {@code state.json}, from which fine-tuning
 * resumes exactly where it stopped.
 */
final class FineTuneCheckpoint {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /**
     * Where fine-tuning stands after an epoch.
     *
     * @param key what the fine-tuning is (configuration and data size): a checkpoint of another one is not resumed
     * @param epoch the epochs done
     * @param step the steps done
     * @param bestEpoch the best epoch so far
     * @param best its score
     * @param stopped whether it stopped early after this epoch
     * @param history every epoch's record
     */
    record State(String key, int epoch, long step, int bestEpoch, double best, boolean stopped, List<EpochRecord> history) {}

    private FineTuneCheckpoint() {}

    static void write(Path dir, State state, List<Parameter> params, List<NDArray> bestWeights, SinglePathAdam adam) throws IOException {
        CheckpointFiles.write(dir.resolve("model.params"), out -> ParameterIO.save(params, out));
        CheckpointFiles.write(dir.resolve("best.bin"), out -> {
            out.writeInt(bestWeights.size());
            for (NDArray a : bestWeights) {
                byte[] bytes = a.encode();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        });
        CheckpointFiles.write(dir.resolve("optimizer.bin"), out -> adam.save(params, out));
        List<String[]> csv = new ArrayList<>();
        csv.add(new String[] {"epoch", "train_loss", "valid_loss", "valid_metric"});
        for (EpochRecord r : state.history()) {
            // Double.toString: locale-independent, shortest round-trip form
            csv.add(new String[] {String.valueOf(r.epoch()), String.valueOf(r.trainLoss()), String.valueOf(r.validLoss()),
                String.valueOf(r.validMetric())});
        }
        Files.writeString(dir.resolve("history.csv"), CsvFiles.text(csv), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("state.json"), GSON.toJson(state), StandardCharsets.UTF_8);
    }

    /**
     * Reads a checkpoint's state.
     *
     * @return the state, or null if the checkpoint is of another fine-tuning or predates resuming
     */
    static State state(Path dir, String key) throws IOException {
        Path file = dir.resolve("state.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        State s = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), State.class);
        return key.equals(s.key()) ? s : null;
    }

    /** Loads the weights, the optimizer and the best epoch's weights (into {@code bestWeights}, owned by {@code manager}). */
    static void restore(Path dir, List<Parameter> params, SinglePathAdam adam, NDManager manager, List<NDArray> bestWeights) throws IOException {
        CheckpointFiles.read(dir.resolve("model.params"), in -> ParameterIO.load(params, in));
        CheckpointFiles.read(dir.resolve("optimizer.bin"), in -> adam.load(params, in));
        CheckpointFiles.read(dir.resolve("best.bin"), in -> {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                bestWeights.add(NDArray.decode(manager, bytes));
            }
        });
    }
}
