package org.magicnas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkippedStepTest {

    private static double step(SinglePathAdam adam, Parameter p, float factor, NDManager m) {
        try (NDManager sm = m.newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(p.getArray().mul(factor).sum());
            }
            return adam.step(List.of(p), 1e-2, sm);
        }
    }

    @Test
    void aNonFiniteGradientSkipsTheUpdateClearsItAndStopsAfterTooMany() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optShape(new Shape(3)).build();
            p.setInitializer(ai.djl.training.initializer.Initializer.ONES);
            p.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32);
            try (SinglePathAdam adam = new SinglePathAdam(new AdamSettings(0.9, 0.999, 1e-6, 0.0, 0.0), m)) {
                float[] before = p.getArray().toFloatArray();
                assertTrue(Double.isNaN(step(adam, p, Float.NaN, m)));
                assertArrayEquals(before, p.getArray().toFloatArray(), "a skipped step moved the weights");
                assertEquals(0, adam.updateCount(p));
                // The cleared gradient does not leak into the next, finite step: its norm is exactly that of the new gradient.
                assertEquals(Math.sqrt(3 * 4.0), step(adam, p, 2f, m), 1e-6);
                assertEquals(1, adam.updateCount(p));
                for (int i = 0; i < SinglePathAdam.MAX_SKIPPED; i++) {
                    step(adam, p, Float.POSITIVE_INFINITY, m);
                }
                assertThrows(ArithmeticException.class, () -> step(adam, p, Float.NaN, m));
            }
        }
    }
}
