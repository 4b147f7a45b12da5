package org.magicnas.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.magicnas.alignment.AlignmentConfig;
import org.magicnas.alignment.AlignmentTargetKind;
import org.magicnas.alignment.AnchorReplacement;
import org.magicnas.supernet.SuperNet;

class AlignmentTrainingTest {

    @Test
    void alignmentStartsAfterWarmStartAndAnchorIsReplacedByBetterChildren() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(manager, 4);
            TrainingConfig cfg = TrainerFixture.config(Method.MAGIC_A, 60, 0.01, 0);
            List<StepRecord> steps = new ArrayList<>();
            List<AnchorReplacement> replaced = new ArrayList<>();
            try (SuperNetTrainer t = TrainerFixture.trainer(net, manager, cfg)) {
                t.train(60, new TrainingListener() {
                    @Override
                    public void onStep(StepRecord r) {
                        steps.add(r);
                    }

                    @Override
                    public void onAnchorReplaced(AnchorReplacement r) {
                        replaced.add(r);
                    }
                }, null);
                assertTrue(Double.isNaN(steps.get(0).alignmentLoss()), "warm start: no alignment at step 0");
                for (StepRecord r : steps.subList(1, steps.size())) {
                    assertTrue(r.alignmentLoss() >= 0 && Double.isFinite(r.alignmentLoss()), "step " + r.step());
                }
                assertFalse(replaced.isEmpty(), "no anchor replacement in 60 steps");
                for (AnchorReplacement r : replaced) {
                    assertTrue(r.replacementLoss() < r.previousLoss());
                    assertEquals(0, r.step() % 3);
                }
                assertEquals(replaced, t.anchor().history());
                assertEquals(replaced.get(replaced.size() - 1).replacement(), t.anchor().current().toString());
            }
        }
    }

    @Test
    void alignmentWithTheChildItselfIsZero() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(manager, 4);
            // Without dropout the anchor's outputs equal the child's when the child is the anchor.
            net = new SuperNet(new org.magicnas.supernet.SuperNetConfig(TrainerFixture.SPACE, TrainerFixture.VOCAB, TrainerFixture.SEQ, 0f));
            net.initialize(manager);
            var ctx = BatchTensors.of(manager, TrainerFixture.batch(0), 0).context();
            var arch = org.magicnas.space.Architecture.parse(TrainerFixture.SPACE, "MHA2,FFN,CONV3,FFN");
            var anchor = new org.magicnas.alignment.Anchor(arch);
            int[] b = {1, 3};
            var loss = org.magicnas.alignment.AlignmentLoss.compute(net.forward(arch, ctx, true, b).kept(), anchor.outputs(net, ctx, b), ctx);
            assertEquals(0f, loss.getFloat());
            var other = org.magicnas.space.Architecture.parse(TrainerFixture.SPACE, "CONV3,FFN,CONV3,FFN");
            var loss2 = org.magicnas.alignment.AlignmentLoss.compute(net.forward(other, ctx, true, b).kept(), anchor.outputs(net, ctx, b), ctx);
            assertTrue(loss2.getFloat() > 1e-7f, "loss " + loss2.getFloat());
        }
    }

    @Test
    void averageTargetTrains() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(manager, 4);
            TrainingConfig cfg = TrainerFixture.withAlignment(TrainerFixture.config(Method.MAGIC_A, 10, 0.01, 0),
                    new AlignmentConfig(0.5, 1, 0, AlignmentTargetKind.AVERAGE, 3, 5, 1));
            try (SuperNetTrainer t = TrainerFixture.trainer(net, manager, cfg)) {
                StepRecord r = t.step();
                assertTrue(r.alignmentLoss() > 0 && Double.isFinite(r.alignmentLoss()));
                assertEquals(null, t.anchor());
            }
        }
    }

    @Test
    void evaluationIsDeterministic() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(manager, 4);
            ChildEvaluator e = new ChildEvaluator(net, manager);
            var arch = org.magicnas.space.Architecture.parse(TrainerFixture.SPACE, "MHA2,FFN,CONV3,FFN");
            ChildScore a = e.evaluate(arch, TrainerFixture.validation());
            ChildScore b = e.evaluate(arch, TrainerFixture.validation());
            assertEquals(a, b);
            assertTrue(a.loss() > Math.log(TrainerFixture.VOCAB) - 1 && a.loss() < Math.log(TrainerFixture.VOCAB) + 1, "untrained loss " + a.loss());
        }
    }

    @Test
    void anAnchorCutByShrinkingIsRepairedInsideTheMaskWithTheBestRemainingOperators() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(manager, 4);
            TrainingConfig cfg = TrainerFixture.withAlignment(TrainerFixture.config(Method.MAGIC_A, 10, 0.01, 0),
                    new AlignmentConfig(0.5, 1, 0, AlignmentTargetKind.ANCHOR, 0, 1000, 2));
            var space = TrainerFixture.SPACE;
            var old = org.magicnas.space.Architecture.parse(space, "MHA2,FFN,CONV3,FFN");
            List<AnchorReplacement> replaced = new ArrayList<>();
            try (SuperNetTrainer t = TrainerFixture.trainer(net, manager, cfg)) {
                t.anchor().restore(old, List.of(), null);
                t.train(2, new TrainingListener() {
                    @Override
                    public void afterStep(long done) {
                        if (done == 2) {
                            t.mask().remove(0, space.indexOf("MHA2"));
                            t.mask().remove(2, space.indexOf("CONV3"));
                        }
                    }

                    @Override
                    public void onAnchorReplaced(AnchorReplacement r) {
                        replaced.add(r);
                    }
                }, null);
                assertEquals(1, replaced.size());
                AnchorReplacement r = replaced.get(0);
                assertEquals(AnchorReplacement.Reason.SHRUNK, r.reason());
                assertEquals(2, r.step());
                var repaired = t.anchor().current();
                assertTrue(t.mask().allows(repaired), repaired.toString());
                assertEquals(old.choice(1), repaired.choice(1));
                assertEquals(old.choice(3), repaired.choice(3));
                // Greedy in layer order at the current weights: layer 1 with layer 3 at its first remaining
                // candidate, then layer 3 with layer 1 fixed; each pick has the lowest validation loss.
                MaskedLmObjective objective = new MaskedLmObjective(TrainerFixture::batch, TrainerFixture.validation().subList(0, 2));
                int[] choices = repaired.choices();
                for (int layer : new int[] {0, 2}) {
                    int[] trial = choices.clone();
                    if (layer == 0) {
                        trial[2] = t.mask().remaining(2)[0];
                    }
                    double chosen = Double.NaN;
                    double bestOther = Double.POSITIVE_INFINITY;
                    for (int c : t.mask().remaining(layer)) {
                        trial[layer] = c;
                        double loss = objective.validationLoss(net, new org.magicnas.space.Architecture(space, trial.clone()), manager);
                        if (c == choices[layer]) {
                            chosen = loss;
                        } else {
                            bestOther = Math.min(bestOther, loss);
                        }
                    }
                    assertTrue(chosen <= bestOther, "layer " + layer + ": chosen " + chosen + ", another " + bestOther);
                }
                assertEquals(r.replacementLoss(), objective.validationLoss(net, repaired, manager), 1e-6);
            }
        }
    }

    @Test
    void averageTargetDrawsOnlyFromTheMask() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = new SuperNet(new org.magicnas.supernet.SuperNetConfig(TrainerFixture.SPACE, TrainerFixture.VOCAB, TrainerFixture.SEQ, 0f));
            net.initialize(manager);
            var only = org.magicnas.space.Architecture.parse(TrainerFixture.SPACE, "CONV3,FFN,MHA2,CONV3");
            var mask = new org.magicnas.space.CandidateMask(TrainerFixture.SPACE);
            for (int layer = 0; layer < 4; layer++) {
                for (int c = 0; c < TrainerFixture.SPACE.choices(); c++) {
                    if (c != only.choice(layer)) {
                        mask.remove(layer, c);
                    }
                }
            }
            var ctx = BatchTensors.of(manager, TrainerFixture.batch(0), 0).context();
            int[] b = {0, 1, 2, 3};
            var average = new org.magicnas.alignment.AverageTarget(3, mask, 5).outputs(net, ctx, b);
            var child = net.keptOutputs(only, ctx, false, b);
            for (int i = 0; i < b.length; i++) {
                assertTrue(average.get(i).sub(child.get(i)).abs().max().getFloat() < 1e-5f, "layer " + i);
            }
        }
    }
}
