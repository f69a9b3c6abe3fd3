package org.rlhfworkbench.lm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** rlhf.device: CPU by default; "gpu" falls back to the CPU when PyTorch sees no CUDA GPU. */
class DevicesTest {
    @AfterEach
    void clear() {
        System.clearProperty(Devices.PROPERTY);
    }

    @Test
    void cpuIsTheDefault() {
        assertThat(Devices.requested()).isEqualTo("cpu");
        assertThat(Devices.chosen()).isEqualTo(Device.cpu());
        assertThat(Devices.describe()).isEqualTo("CPU");
    }

    @Test
    void gpuIsUsedOnlyWhenPyTorchSeesOne() {
        System.setProperty(Devices.PROPERTY, "GPU");
        assertThat(Devices.requested()).isEqualTo("gpu");
        if (Engine.getInstance().getGpuCount() == 0) {
            assertThat(Devices.chosen()).isEqualTo(Device.cpu());
            assertThat(Devices.describe()).isEqualTo("CPU (no CUDA GPU found)");
        } else {
            assertThat(Devices.chosen()).isEqualTo(Device.gpu(0));
            assertThat(Devices.describe()).startsWith("GPU 0 (CUDA");
        }
    }

    @Test
    void modelsLoadOnTheChosenDevice() {
        try (LanguageModel lm = LanguageModels.load(java.nio.file.Path.of("sample-projects/assistant/models/base"))) {
            assertThat(lm.model().manager().getDevice()).isEqualTo(Device.cpu());
        }
    }
}
