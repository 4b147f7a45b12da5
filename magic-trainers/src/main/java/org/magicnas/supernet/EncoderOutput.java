package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The result of running a child through the encoder.
 *
 * @param output the last layer's output, (B, T, E)
 * @param kept the outputs of the layers that were asked for, in order
 */
public record EncoderOutput(NDArray output, List<NDArray> kept) {}
