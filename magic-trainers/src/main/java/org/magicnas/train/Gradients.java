package org.magicnas.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * Gradient collectors for training steps that may run in several threads of one JVM at once (the
 * rank study's jobs as tasks of one Spark executor); every training and probing step of the project
 * collects through it. DJL's PyTorch collector allows one collector per
 * process, although libtorch's grad mode is per thread; on PyTorch this one makes the same calls
 * (grad mode on, backward from a gradient of ones, grad mode restored) without that process-wide flag.
 * Other engines get the engine's own collector.
 */
public final class Gradients {
    private Gradients() {}

    /**
     * A collector for one backward pass in the calling thread.
     *
     * @return the collector (close it)
     */
    public static GradientCollector collect() {
        Engine engine = Engine.getInstance();
        return "PyTorch".equals(engine.getEngineName()) ? new ThreadCollector() : engine.newGradientCollector();
    }

    /** PyTorch: libtorch's thread-local grad mode, nothing shared between threads. */
    private static final class ThreadCollector implements GradientCollector {
        private final boolean wasOn;

        ThreadCollector() {
            wasOn = JniUtils.isGradMode();
            JniUtils.setGradMode(true);
        }

        @Override
        public void backward(NDArray target) {
            JniUtils.backward((PtNDArray) target, (PtNDArray) target.onesLike(), false, false);
        }

        @Override
        public void zeroGradients() {
            throw new UnsupportedOperationException("the optimizers of this project clear gradients themselves");
        }

        @Override
        public void close() {
            if (!wasOn) {
                JniUtils.setGradMode(false);
            }
        }
    }
}
