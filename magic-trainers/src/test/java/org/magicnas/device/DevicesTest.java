package org.magicnas.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Device names, what the engine sees, and precisions refused where they cannot train. */
class DevicesTest {
    @Test
    void parsesTheThreeForms() {
        assertEquals(Device.cpu(), Devices.parse("--device", "cpu"));
        assertEquals(Device.gpu(0), Devices.parse("--device", "gpu"));
        assertEquals(Device.gpu(3), Devices.parse("--device", "gpu:3"));
        assertEquals(Device.gpu(1), Devices.parse("--device", " GPU:1 "));
        assertEquals("cpu", Devices.name(Device.cpu()));
        assertEquals("gpu:2", Devices.name(Devices.parse("--device", "gpu:2")));
        assertTrue(Devices.asksForGpu("gpu:0"));
        assertFalse(Devices.asksForGpu("cpu"));
        assertFalse(Devices.asksForGpu(null));
    }

    @Test
    void anUnknownDeviceIsOneLineNamingTheValueAndTheForms() {
        for (String bad : List.of("tpu", "cuda", "gpu:", "gpu:-1", "gpu:x", "cpu:0", "", "gpu 1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Devices.parse("--device", bad), bad);
            assertEquals("--device must be cpu, gpu or gpu:N, got '" + bad + "'", e.getMessage());
        }
    }

    @Test
    void aGpuTheEngineDoesNotSeeIsRefusedNamingWhatItSees() {
        List<String> visible = Devices.visible();
        assertEquals("cpu", visible.get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Devices.resolve("device", "gpu:99"));
        assertTrue(e.getMessage().startsWith("device gpu:99: no such device; the engine (PyTorch "), e.getMessage());
        assertTrue(e.getMessage().endsWith("sees " + String.join(", ", visible)), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        if (visible.contains("gpu:0")) {
            assertEquals(Device.gpu(0), Devices.resolve("device", "gpu"));
        } else {
            IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Devices.resolve("--device", "gpu"));
            assertTrue(none.getMessage().contains("--device gpu: no such device") && none.getMessage().endsWith("sees cpu"), none.getMessage());
            assertEquals(Device.cpu(), Devices.defaultDevice(), "without a usable GPU the engine's default is the CPU");
        }
    }

    @Test
    void noNameIsTheEnginesDefaultDevice() {
        assertEquals(Engine.getInstance().defaultDevice(), Devices.resolve("--device", null));
        assertEquals(Engine.getInstance().defaultDevice(), Devices.resolve("--device", " "));
        assertEquals(Device.cpu(), Devices.resolve("--device", "cpu"));
    }

    @Test
    void arraysLiveOnTheManagersDevice() {
        try (NDManager cpu = NDManager.newBaseManager(Devices.resolve("--device", "cpu")); NDManager sub = cpu.newSubManager()) {
            NDArray a = sub.ones(new Shape(2, 2));
            assertEquals(Device.cpu(), a.getDevice());
            assertEquals(Device.cpu(), a.matMul(a).getDevice());
        }
        try (NDManager byDefault = NDManager.newBaseManager((Device) null)) {
            assertEquals(Engine.getInstance().defaultDevice(), byDefault.getDevice(), "a null device is the engine's default");
        }
    }

    @Test
    void precisionsOtherThanFp32AreRefusedOnTheCpu() {
        assertEquals(Precision.BF16, Precision.of("--precision", "BF16"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Precision.of("--precision", "fp64"));
        assertEquals("--precision must be one of fp32, bf16, fp16, got 'fp64'", unknown.getMessage());
        Precision.FP32.checkOn("--precision", Device.cpu());
        IllegalArgumentException bf16 = assertThrows(IllegalArgumentException.class, () -> Precision.BF16.checkOn("--precision", Device.cpu()));
        assertTrue(bf16.getMessage().startsWith("--precision bf16 needs a GPU device; on cpu only fp32 is allowed"), bf16.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Precision.FP16.checkOn("--precision", Device.cpu()));
        Precision.BF16.checkOn("--precision", Device.gpu(0));
        Precision.FP16.checkOn("--precision", Device.gpu(1));
        assertTrue(Precision.FP16.needsLossScaling());
        assertFalse(Precision.BF16.needsLossScaling());
    }
}
