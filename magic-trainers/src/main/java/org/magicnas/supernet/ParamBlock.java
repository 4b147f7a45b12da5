package org.magicnas.supernet;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * A block whose parameters have fixed shapes known at construction, initialised as BERT does (normal
 * with standard deviation 0.02 for weights, zeros for biases, ones for LayerNorm gains). The super-net
 * calls its blocks' typed methods directly; DJL's generic {@code forward} is not used on the hot path
 * because it walks every parameter to check initialisation.
 */
public abstract class ParamBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final Initializer WEIGHT_INIT = new NormalInitializer(0.02f);
    /** He initialisation over the fan-out, std = sqrt(2 / fan_out), as torchvision initialises MobileNetV2. */
    private static final Initializer CONV_INIT = new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.OUT, 2);

    /** Creates an empty block. */
    protected ParamBlock() {
        super(VERSION);
    }

    /**
     * Adds a weight parameter.
     *
     * @param name the name
     * @param shape the shape
     * @return the parameter
     */
    protected Parameter weight(String name, Shape shape) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(shape).optInitializer(WEIGHT_INIT).build());
    }

    /**
     * Adds a convolution weight, He-initialised over the fan-out.
     *
     * @param name the name
     * @param shape (out, in / groups, k, k)
     * @return the parameter
     */
    protected Parameter convWeight(String name, Shape shape) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(shape).optInitializer(CONV_INIT).build());
    }

    /**
     * Adds a statistic kept with the weights but never optimised (a BatchNorm running mean or
     * variance): it has no gradient.
     *
     * @param name the name
     * @param size the length
     * @param init its initial value
     * @return the parameter
     */
    protected Parameter statistic(String name, int size, Initializer init) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.RUNNING_MEAN)
                .optShape(new Shape(size)).optInitializer(init).optRequiresGrad(false).build());
    }

    /**
     * Adds a bias (or LayerNorm shift) parameter initialised to zeros.
     *
     * @param name the name
     * @param size the length
     * @return the parameter
     */
    protected Parameter bias(String name, int size) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.BIAS)
                .optShape(new Shape(size)).optInitializer(Initializer.ZEROS).build());
    }

    /**
     * Adds a LayerNorm gain parameter initialised to ones.
     *
     * @param name the name
     * @param size the length
     * @return the parameter
     */
    protected Parameter gain(String name, int size) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.GAMMA)
                .optShape(new Shape(size)).optInitializer(Initializer.ONES).build());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is applied through its typed methods by the super-net");
    }
}
