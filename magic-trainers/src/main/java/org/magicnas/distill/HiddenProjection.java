package org.magicnas.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import org.magicnas.supernet.ParamBlock;

/** A learned linear map from the student's hidden width to the teacher's, for hidden-state matching. */
public final class HiddenProjection extends ParamBlock {
    private final Parameter weight;
    private final Parameter bias;

    /**
     * Creates the projection.
     *
     * @param studentWidth the student's E
     * @param teacherWidth the teacher's E
     */
    public HiddenProjection(int studentWidth, int teacherWidth) {
        this.weight = weight("weight", new Shape(teacherWidth, studentWidth));
        this.bias = bias("bias", teacherWidth);
    }

    /**
     * Projects student states.
     *
     * @param x (B, T, E_student)
     * @return (B, T, E_teacher)
     */
    public NDArray apply(NDArray x) {
        return Linear.linear(x, weight.getArray(), bias.getArray()).singletonOrThrow();
    }
}
