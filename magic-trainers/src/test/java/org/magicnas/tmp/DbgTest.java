package org.magicnas.tmp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.magicnas.train.Gradients;

class DbgTest {
    void tryIt(String name, NDManager m, java.util.function.Function<NDArray, NDArray> f) {
        NDArray w = m.ones(new Shape(3)).toType(DataType.FLOAT16, true);
        w.setRequiresGradient(true);
        try (GradientCollector gc = Gradients.collect()) {
            NDArray l = f.apply(w).toType(DataType.FLOAT32, false).sum();
            gc.backward(l);
            System.out.println(name + " ok " + w.getGradient());
        } catch (Exception e) {
            System.out.println(name + " FAILS " + e.getMessage());
        }
    }

    @Test
    void dbg() {
        try (NDManager m = NDManager.newBaseManager()) {
            tryIt("mul", m, w -> w.mul(2f));
            tryIt("castafter", m, w -> w.mul(2f));
            NDArray a = m.ones(new Shape(3));
            a.setRequiresGradient(true);
            try (GradientCollector gc = Gradients.collect()) {
                NDArray c = a.toType(DataType.FLOAT16, true);
                c.setRequiresGradient(true);
                NDArray l = c.mul(2f).sum();
                gc.backward(l);
                System.out.println("inside ok " + c.getGradient());
            } catch (Exception e) {
                System.out.println("inside FAILS " + e.getMessage());
            }
        }
    }
}
