package org.magicnas.cli;

import ai.djl.Device;
import org.magicnas.device.Devices;
import org.magicnas.device.Precision;

/** The device of the command being run ({@code --device}, checked by {@link DeviceOptions#apply()}). */
final class CommandDevice {
    private static volatile Device device;
    private static volatile Precision precision = Precision.FP32;

    private CommandDevice() {}

    /**
     * The device the running command's arrays live on.
     *
     * @return the device given with {@code --device}, else the engine's default
     */
    static Device get() {
        Device d = device;
        return d != null ? d : Devices.defaultDevice();
    }

    /**
     * The device's name, for the trainers' {@code device} field and for logs.
     *
     * @return {@code cpu} or {@code gpu:N}
     */
    static String name() {
        return Devices.name(get());
    }

    /**
     * The precision the running command trains in ({@code --precision}).
     *
     * @return fp32 unless another was given
     */
    static Precision precision() {
        return precision;
    }

    static void set(Device d, Precision p) {
        device = d;
        precision = p;
    }
}
