package org.magicnas.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The devices training runs on, written {@code cpu}, {@code gpu} (the first GPU) or {@code gpu:N}.
 *
 * <p>Parsing checks the form only; {@link #resolve} also checks that DJL's engine can run arrays on the
 * device (a GPU needs a CUDA build of libtorch and a visible GPU with that index), so that asking for a
 * GPU never silently trains on the CPU. The device is where arrays live, not part of what a run computes:
 * it is kept out of cache keys and of the options a run is resumed with.
 */
public final class Devices {
    private static final Pattern FORM = Pattern.compile("cpu|gpu(?::(\\d{1,4}))?");

    /** The allowed forms, for error messages. */
    public static final String ALLOWED = "cpu, gpu or gpu:N";

    private Devices() {}

    /**
     * Parses a device name without asking the engine what it sees.
     *
     * @param option the option or field named in an error (e.g. {@code --device})
     * @param spec cpu, gpu or gpu:N (any case, surrounding blanks ignored)
     * @return the device ({@code gpu} is {@code gpu:0})
     * @throws IllegalArgumentException (one line) naming the value and the allowed forms
     */
    public static Device parse(String option, String spec) {
        Matcher m = FORM.matcher(spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " must be " + ALLOWED + ", got '" + spec + "'");
        }
        if (m.group(0).equals("cpu")) {
            return Device.cpu();
        }
        return Device.gpu(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
    }

    /**
     * Parses a device name and checks that the engine can put arrays there; an empty or null name is
     * the engine's default device.
     *
     * @param option the option or field named in an error (e.g. {@code --device})
     * @param spec cpu, gpu or gpu:N, or empty for the engine's default
     * @return the device
     * @throws IllegalArgumentException (one line) naming the value and the devices the engine sees
     */
    public static Device resolve(String option, String spec) {
        if (spec == null || spec.isBlank()) {
            return defaultDevice();
        }
        Device device = parse(option, spec);
        if (device.isGpu()) {
            List<String> visible = visible();
            if (!visible.contains(name(device))) {
                Engine engine = Engine.getInstance();
                String build = engine.hasCapability(StandardCapabilities.CUDA) ? "" : ", a CPU-only build";
                throw new IllegalArgumentException(option + " " + spec.strip() + ": no such device; the engine (" + engine.getEngineName() + " "
                        + engine.getVersion() + build + ") sees " + String.join(", ", visible));
            }
        }
        return device;
    }

    /**
     * The device DJL's engine picks when none is given: its first GPU if it can use one, else the CPU.
     *
     * @return the engine's default device
     */
    public static Device defaultDevice() {
        return Engine.getInstance().defaultDevice();
    }

    /**
     * The devices the engine can put arrays on: the CPU, then each GPU if the engine's native library
     * was built with CUDA.
     *
     * @return e.g. {@code [cpu, gpu:0]}
     */
    public static List<String> visible() {
        Engine engine = Engine.getInstance();
        List<String> out = new ArrayList<>(List.of("cpu"));
        if (engine.hasCapability(StandardCapabilities.CUDA)) {
            for (int i = 0; i < engine.getGpuCount(); i++) {
                out.add("gpu:" + i);
            }
        }
        return out;
    }

    /**
     * A device's name in the form {@link #parse} reads.
     *
     * @param device the device
     * @return {@code cpu} or {@code gpu:N}
     */
    public static String name(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    /**
     * Whether a device name asks for a GPU (before it is checked).
     *
     * @param spec a device name, or null
     * @return true for gpu and gpu:N
     */
    public static boolean asksForGpu(String spec) {
        return spec != null && spec.strip().toLowerCase(Locale.ROOT).startsWith("gpu");
    }
}
