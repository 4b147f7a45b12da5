package org.magicnas.device;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The floating-point precision of training. In {@link #BF16} and {@link #FP16} the weights, Adam's
 * moments and the losses stay in fp32 (master weights); each training step casts the weights it uses to
 * the lower precision, so the forward and backward passes run there, and the gradients arrive back in
 * fp32 through the casts (mixed precision as in Micikevicius et al., 2018). FP16 scales the loss. The
 * command line allows anything but FP32 on a GPU only.
 */
public enum Precision {
    /** 32-bit floats everywhere: the default, and the only precision on the CPU. */
    FP32("fp32", DataType.FLOAT32, false),
    /** bfloat16 (GPU only: DJL's CPU engine aborts the JVM on a bfloat16 array). */
    BF16("bf16", DataType.BFLOAT16, false),
    /** IEEE half precision with loss scaling, whose small gradients underflow without it (GPU only). */
    FP16("fp16", DataType.FLOAT16, true);

    private final String id;
    private final DataType dataType;
    private final boolean lossScaling;

    Precision(String id, DataType dataType, boolean lossScaling) {
        this.id = id;
        this.dataType = dataType;
        this.lossScaling = lossScaling;
    }

    /**
     * The name on the command line and in provenance.
     *
     * @return e.g. {@code bf16}
     */
    public String id() {
        return id;
    }

    /**
     * The engine's data type of this precision.
     *
     * @return e.g. {@code FLOAT16}
     */
    public DataType dataType() {
        return dataType;
    }

    /**
     * Whether training in this precision scales the loss (fp16's narrow exponent range).
     *
     * @return true for fp16
     */
    public boolean needsLossScaling() {
        return lossScaling;
    }

    /**
     * Finds a precision by name.
     *
     * @param option the option or field named in an error (e.g. {@code --precision})
     * @param name fp32, bf16 or fp16 (any case)
     * @return the precision
     * @throws IllegalArgumentException (one line) naming the value and the allowed names
     */
    public static Precision of(String option, String name) {
        for (Precision p : values()) {
            if (p.id.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException(option + " must be one of " + Arrays.stream(values()).map(Precision::id).collect(Collectors.joining(", "))
                + ", got '" + name + "'");
    }

    /**
     * Checks that the engine can hold arrays of this precision on a device: bf16 is refused on the CPU,
     * where DJL's engine aborts the JVM on a bfloat16 array. (fp16 runs on the CPU, slowly: the library
     * allows it there, for checks against fp32; the command line does not.)
     *
     * @param option the option or field named in an error
     * @param device the device
     * @throws IllegalArgumentException (one line) for bf16 on the CPU
     */
    public void checkEngine(String option, Device device) {
        if (this == BF16 && !device.isGpu()) {
            throw new IllegalArgumentException(option + " bf16 needs a GPU device, got " + Devices.name(device)
                    + " (bf16 arrays abort the JVM in DJL's CPU engine)");
        }
    }

    /**
     * Refuses anything but fp32 for a training that does not implement mixed precision.
     *
     * @param option the option or field named in an error
     * @param what the training, as the error names it
     * @throws IllegalArgumentException (one line) for bf16 or fp16
     */
    public void requireFp32(String option, String what) {
        if (this != FP32) {
            throw new IllegalArgumentException(option + " " + id + ": " + what + " trains in fp32 only (mixed precision is implemented for "
                    + "masked-LM super-nets and stand-alone children)");
        }
    }

    /**
     * Checks that this precision can train on a device: anything but fp32 is refused on the CPU.
     *
     * @param option the option or field named in an error
     * @param device the device
     * @throws IllegalArgumentException (one line) for bf16 or fp16 on the CPU
     */
    public void checkOn(String option, Device device) {
        if (this != FP32 && !device.isGpu()) {
            throw new IllegalArgumentException(option + " " + id + " needs a GPU device; on " + Devices.name(device) + " only fp32 is allowed"
                    + (this == BF16 ? " (bf16 arrays abort the JVM in DJL's CPU engine)" : ""));
        }
    }
}
