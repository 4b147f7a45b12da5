package org.magicnas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.Initializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.alignment.AlignmentConfig;
import org.magicnas.alignment.AlignmentTargetKind;
import org.magicnas.device.Precision;
import org.magicnas.supernet.SuperNet;

/**
 * Mixed-precision training (fp16 with loss scaling; fp32 master weights) on the CPU, where DJL's engine
 * runs fp16 (slowly): the same steps as fp32 within fp16's rounding, weights and moments still fp32,
 * seeded runs bit-identical, and the loss scale's rules. The command line allows fp16 on a GPU only.
 */
class MixedPrecisionTest {
    private static final int STEPS = 30;

    private static TrainingConfig config(Precision p) {
        TrainingConfig base = TrainerFixture.config(Method.MAGIC_AT, STEPS, 0.01, 0);
        return new TrainingConfig(base.method(), base.steps(), 3e-3, base.warmupSteps(), base.adam().withPrecision(p), base.seed(),
                base.walkChanges(), new AlignmentConfig(0.5, 1, 1, AlignmentTargetKind.ANCHOR, 3, 3, 2), 0, 1);
    }

    /** The step records of a seeded run, and every weight at its end. */
    private record Run(List<StepRecord> steps, List<float[]> weights, List<DataType> types) {}

    private static Run train(Precision p) {
        try (NDManager m = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(m, 5);
            List<StepRecord> steps = new ArrayList<>();
            try (SuperNetTrainer t = TrainerFixture.trainer(net, m, config(p))) {
                for (int i = 0; i < STEPS; i++) {
                    steps.add(t.step());
                }
            }
            List<float[]> weights = new ArrayList<>();
            List<DataType> types = new ArrayList<>();
            for (var e : net.getParameters()) {
                weights.add(e.getValue().getArray().toFloatArray());
                types.add(e.getValue().getArray().getDataType());
            }
            return new Run(steps, weights, types);
        }
    }

    @Test
    void fp16TrainingFollowsFp32WithinRoundingKeepsFp32MastersAndRepeatsBitForBit() {
        Run fp32 = train(Precision.FP32);
        Run fp16 = train(Precision.FP16);
        assertTrue(fp16.types().stream().allMatch(t -> t == DataType.FLOAT32), "master weights left fp32: " + fp16.types());
        // Up to the first overflow (a skipped step, which the fp32 run does not skip) the two runs take the same steps.
        int overflows = 0;
        int firstOverflow = STEPS;
        double drift = 0;
        double before = 0;
        for (int i = 0; i < STEPS; i++) {
            StepRecord a = fp32.steps().get(i);
            StepRecord b = fp16.steps().get(i);
            assertEquals(a.child(), b.child(), "the same seed samples the same children");
            assertTrue(Double.isFinite(b.predictionLoss()), "step " + i + ": " + b);
            if (!Double.isFinite(b.gradientNorm())) {
                overflows++;
                firstOverflow = Math.min(firstOverflow, i);
                continue;
            }
            drift = Math.max(drift, Math.abs(a.predictionLoss() - b.predictionLoss()));
            if (i < firstOverflow) {
                before = Math.max(before, Math.abs(a.predictionLoss() - b.predictionLoss()));
                assertNotEquals(a.predictionLoss(), b.predictionLoss(), "fp16 gave fp32's exact loss at step " + i + ": no fp16 forward pass");
                assertEquals(a.predictionLoss(), b.predictionLoss(), 1e-3, "prediction loss at step " + i);
                // The reported norm is the true one: the loss scale (2^16 at first) is divided out.
                assertEquals(a.gradientNorm(), b.gradientNorm(), 0.01 * a.gradientNorm(), "gradient norm at step " + i);
                if (i > 0) {
                    assertEquals(a.alignmentLoss(), b.alignmentLoss(), 1e-3, "alignment loss at step " + i);
                }
            }
        }
        System.out.printf(java.util.Locale.ROOT, "fp16 against fp32, %d steps: identical children; first overflow (skipped step) at step %d, %d in all;"
                + " largest prediction-loss difference %.2e before it, %.2e over the run%n", STEPS, firstOverflow, overflows, before, drift);
        assertTrue(firstOverflow >= 5, "fp16 overflowed at step " + firstOverflow);
        assertTrue(overflows <= 2, overflows + " overflows in " + STEPS + " steps");
        assertTrue(drift < 0.05, "fp16 prediction losses drift from fp32's by " + drift);
        Run again = train(Precision.FP16);
        for (int i = 0; i < STEPS; i++) {
            assertEquals(fp16.steps().get(i).predictionLoss(), again.steps().get(i).predictionLoss(), 0.0, "seeded fp16 run differs at step " + i);
        }
        for (int i = 0; i < fp16.weights().size(); i++) {
            assertArrayEquals(fp16.weights().get(i), again.weights().get(i), "seeded fp16 weights differ: parameter " + i);
        }
    }

    @Test
    void anFp16RunResumedFromACheckpointAfterAnOverflowEqualsTheStraightRun(@TempDir Path dir) throws IOException {
        Run straight = train(Precision.FP16);
        int firstOverflow = 0;
        while (Double.isFinite(straight.steps().get(firstOverflow).gradientNorm())) {
            firstOverflow++;
        }
        // Stop after the overflow, so that the resumed run needs the halved loss scale from the checkpoint.
        long stop = firstOverflow + 2;
        CheckpointStore store = new CheckpointStore(dir, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            try (SuperNetTrainer t = TrainerFixture.trainer(TrainerFixture.net(m, 5), m, config(Precision.FP16))) {
                t.train(stop, new TrainingListener() { }, store);
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(m, 99);
            try (SuperNetTrainer t = TrainerFixture.trainer(net, m, config(Precision.FP16))) {
                t.restore(store.latest().orElseThrow());
                for (long i = stop; i < STEPS; i++) {
                    StepRecord r = t.step();
                    assertEquals(straight.steps().get((int) i).predictionLoss(), r.predictionLoss(), 0.0, "resumed fp16 run differs at step " + i);
                }
            }
            int i = 0;
            for (var e : net.getParameters()) {
                assertArrayEquals(straight.weights().get(i++), e.getValue().getArray().toFloatArray(), "resumed weights differ: " + e.getKey());
            }
        }
    }

    @Test
    void fp32SettingsKeepTheTextOfTheCachedStudyKeys() {
        assertEquals("AdamSettings[beta1=0.9, beta2=0.999, epsilon=1.0E-6, weightDecay=0.01, clipNorm=1.0]", AdamSettings.paper().toString());
        assertEquals("AdamSettings[beta1=0.9, beta2=0.999, epsilon=1.0E-6, weightDecay=0.01, clipNorm=1.0, precision=fp16]",
                AdamSettings.paper().withPrecision(Precision.FP16).toString());
        assertEquals(Precision.FP32, new AdamSettings(0.9, 0.999, 1e-6, 0, 0, null).precision(), "a configuration saved before precisions");
    }

    private static Parameter ones(NDManager m) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optShape(new Shape(3)).build();
        p.setInitializer(Initializer.ONES);
        p.initialize(m, DataType.FLOAT32);
        return p;
    }

    /** One step with the loss {@code factor * sum(w)} scaled as PathStep scales it. */
    private static double step(SinglePathAdam adam, Parameter p, float factor, NDManager m) {
        try (NDManager sm = m.newSubManager()) {
            try (GradientCollector gc = Gradients.collect()) {
                gc.backward(p.getArray().mul(factor).sum().mul((float) adam.lossScale()));
            }
            return adam.step(List.of(p), 1e-2, sm);
        }
    }

    @Test
    void anOverflowHalvesTheScaleWithoutMovingWeightsAndFiniteStepsDoubleIt() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = ones(m);
            AdamSettings fp16 = new AdamSettings(0.9, 0.999, 1e-6, 0, 0, Precision.FP16);
            try (SinglePathAdam adam = new SinglePathAdam(fp16, m)) {
                assertEquals(SinglePathAdam.INITIAL_LOSS_SCALE, adam.lossScale());
                float[] before = p.getArray().toFloatArray();
                for (int i = 1; i <= SinglePathAdam.MAX_SKIPPED + 3; i++) {
                    assertFalse(Double.isFinite(step(adam, p, Float.POSITIVE_INFINITY, m)));
                    assertEquals(SinglePathAdam.INITIAL_LOSS_SCALE / (1 << i), adam.lossScale(), "after " + i + " overflows");
                }
                assertArrayEquals(before, p.getArray().toFloatArray(), "an overflowing step moved the weights");
                assertEquals(0, adam.updateCount(p));
                // The true gradient norm comes back whatever the scale: |(2, 2, 2)|.
                assertEquals(Math.sqrt(12), step(adam, p, 2f, m), 1e-5);
                double scale = adam.lossScale();
                for (int i = 1; i < SinglePathAdam.GROWTH_INTERVAL; i++) {
                    step(adam, p, 1e-3f, m);
                }
                assertEquals(2 * scale, adam.lossScale(), "the scale doubles after " + SinglePathAdam.GROWTH_INTERVAL + " finite steps");
                step(adam, p, Float.NaN, m);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                adam.save(List.of(p), new DataOutputStream(bytes));
                try (SinglePathAdam restored = new SinglePathAdam(fp16, m)) {
                    restored.load(List.of(p), new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
                    assertEquals(scale, restored.lossScale(), "a checkpoint restores the loss scale");
                    assertEquals(adam.updateCount(p), restored.updateCount(p));
                }
            }
            // Without loss scaling (fp32) the saved state has no scale in it: the checkpoints of earlier runs still load.
            try (SinglePathAdam adam = new SinglePathAdam(AdamSettings.paper(), m)) {
                assertEquals(1.0, adam.lossScale());
                step(adam, p, 1f, m);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                adam.save(List.of(p), new DataOutputStream(bytes));
                ByteArrayOutputStream scaled = new ByteArrayOutputStream();
                try (SinglePathAdam half = new SinglePathAdam(AdamSettings.paper().withPrecision(Precision.FP16), m)) {
                    step(half, p, 1f, m);
                    half.save(List.of(p), new DataOutputStream(scaled));
                }
                assertEquals(bytes.size() + Double.BYTES + Integer.BYTES, scaled.size());
            }
        }
    }

    @Test
    void anFp16TrainingWhoseScaleCollapsesStops() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = ones(m);
            try (SinglePathAdam adam = new SinglePathAdam(new AdamSettings(0.9, 0.999, 1e-6, 0, 0, Precision.FP16), m)) {
                ArithmeticException e = assertThrows(ArithmeticException.class, () -> {
                    for (int i = 0; i < 100; i++) {
                        step(adam, p, Float.NaN, m);
                    }
                });
                assertTrue(e.getMessage().contains("loss scale fell below"), e.getMessage());
                assertTrue(adam.lossScale() < SinglePathAdam.MIN_LOSS_SCALE);
            }
        }
    }

    @Test
    void bf16IsRefusedOnTheCpuInOneLineAndOtherTrainingsRefuseMixedPrecision() {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SinglePathAdam(AdamSettings.paper().withPrecision(Precision.BF16), m));
            assertEquals("precision bf16 needs a GPU device, got cpu (bf16 arrays abort the JVM in DJL's CPU engine)", e.getMessage());
            IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> Precision.FP16.requireFp32("precision", "fine-tuning"));
            assertFalse(f.getMessage().contains("\n"));
            assertTrue(f.getMessage().startsWith("precision fp16: fine-tuning trains in fp32 only"), f.getMessage());
            Precision.FP32.requireFp32("precision", "fine-tuning");
            assertNotEquals(Precision.FP16.dataType(), Precision.FP32.dataType());
            Engine.getInstance();
        }
    }
}
