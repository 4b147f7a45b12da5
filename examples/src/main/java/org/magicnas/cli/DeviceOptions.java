package org.magicnas.cli;

import ai.djl.Device;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.magicnas.device.Devices;
import org.magicnas.device.Precision;
import picocli.CommandLine.Option;

/**
 * {@code --device} and {@code --precision}, which {@link Magic} adds to every command. They say where a
 * command's arrays live, not what it computes: they are not saved with a run's options, so a run resumes
 * on the device given when it is resumed, and they enter no cache key.
 */
public final class DeviceOptions {
    /** The logger of DJL's GPU detection, which warns on every start on a machine without a GPU driver. */
    private static final Logger CUDA_LOG = Logger.getLogger("ai.djl.util.cuda.CudaUtils");

    @Option(names = "--device", paramLabel = "cpu|gpu|gpu:N",
            description = "Where the arrays live: cpu, gpu (the first GPU) or gpu:N (default: the engine's default device: its first GPU if it "
                    + "can use one, else the CPU).")
    String device;

    /** The command that trains in bf16 or fp16 (masked-LM super-nets; the library's stand-alone children too). */
    static final String MIXED_PRECISION_COMMAND = "train-supernet";

    @Option(names = "--precision", paramLabel = "fp32|bf16|fp16", defaultValue = "fp32",
            description = "Training precision; bf16 and fp16 need a GPU (default: ${DEFAULT-VALUE}).")
    String precision;

    /**
     * Checks the options against what the engine sees and makes the device the command's. DJL's GPU
     * detection stays quiet unless a GPU was asked for.
     *
     * @param command the subcommand's name: only {@value #MIXED_PRECISION_COMMAND} trains in another precision than fp32
     * @throws IllegalArgumentException (one line) for an unknown device or precision, a device the engine
     *     does not see, or a precision the device or the command cannot train in
     */
    void apply(String command) {
        Precision p = Precision.of("--precision", precision);
        if (p != Precision.FP32 && !MIXED_PRECISION_COMMAND.equals(command)) {
            throw new IllegalArgumentException("--precision " + p.id() + " is implemented for " + MIXED_PRECISION_COMMAND + " only; " + command
                    + " trains in fp32 (README, \"Devices and native libraries\")");
        }
        if (device != null) {
            Devices.parse("--device", device);
        }
        CUDA_LOG.setLevel(Devices.asksForGpu(device) ? Level.WARNING : Level.SEVERE);
        // Without --device the engine (and its default device) is looked up when the command first needs it.
        Device d = device == null && p == Precision.FP32 ? null : Devices.resolve("--device", device);
        if (d != null) {
            p.checkOn("--precision", d);
        }
        CommandDevice.set(d, p);
    }
}
