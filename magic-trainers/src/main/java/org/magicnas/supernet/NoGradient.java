package org.magicnas.supernet;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Inference with PyTorch's gradient recording off on the calling thread. Grad mode is thread-local in PyTorch and on by default in
 * every new thread, so a forward pass from a caller's thread pool would otherwise build an autograd graph over the shared weights;
 * predicting that way from several threads crashed libtorch ({@code ConcurrentPredictionTest}).
 */
public final class NoGradient {
    private NoGradient() {}

    /**
     * Runs a computation with grad mode off, restoring the thread's previous mode afterwards.
     *
     * @param body the computation
     * @param <R> its result
     * @return the result
     */
    public static <R> R call(Supplier<R> body) {
        boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return body.get();
        } finally {
            JniUtils.setGradMode(before);
        }
    }
}
