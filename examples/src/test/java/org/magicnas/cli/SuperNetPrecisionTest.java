package org.magicnas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.magicnas.device.Precision;
import picocli.CommandLine;

/**
 * The precision of a train-supernet run is recorded in its config.json (so that {@code --resume} and the
 * checkpoints' loss scale go on in it), and an fp32 run's config.json is what it was before precisions.
 */
class SuperNetPrecisionTest {
    private static SuperNetOptions parse(String... args) {
        TrainSupernetCommand command = new TrainSupernetCommand();
        new CommandLine(command).parseArgs(args);
        return command.options;
    }

    @Test
    void theRecordedPrecisionTrainsAndRoundTripsThroughConfigJson() {
        SuperNetOptions fp32 = parse("--steps", "10");
        JsonObject plain = SuperNetRun.GSON.toJsonTree(fp32).getAsJsonObject();
        assertFalse(plain.has("precision"), plain.toString());
        assertEquals(Precision.FP32, fp32.trainingConfig().adam().precision());

        SuperNetOptions half = parse("--steps", "10");
        half.precision = Precision.FP16.id();
        String json = SuperNetRun.GSON.toJson(half);
        assertTrue(json.contains("\"precision\": \"fp16\""), json);
        SuperNetOptions read = SuperNetRun.GSON.fromJson(json, SuperNetOptions.class);
        assertEquals(Precision.FP16, read.trainingConfig().adam().precision());
        // Every other setting is the fp32 run's.
        assertEquals(fp32.trainingConfig().adam().withPrecision(Precision.FP16), read.trainingConfig().adam());
        assertEquals(fp32.trainingConfig().toString().replace("clipNorm=1.0]", "clipNorm=1.0, precision=fp16]"), read.trainingConfig().toString());
    }
}
