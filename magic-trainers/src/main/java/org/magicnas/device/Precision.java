package org.magicnas.device;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The floating-point precision of training. Anything but {@link #FP32} needs a GPU. */
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
