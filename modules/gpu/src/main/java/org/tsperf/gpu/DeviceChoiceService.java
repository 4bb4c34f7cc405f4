package org.tsperf.gpu;

import java.util.Optional;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.gpu.GpuDeviceChoice;

/** {@link GpuDeviceChoice} of the GPU module: the stored {@link DeviceChoice}, applied by restarting the runtime. */
@ServiceProvider(service = GpuDeviceChoice.class)
public final class DeviceChoiceService implements GpuDeviceChoice {

    @Override
    public String current() {
        return DeviceChoice.get();
    }

    @Override
    public void choose(String choice) {
        DeviceChoice.set(choice);
        GpuRuntimes.get().restart();
    }

    @Override
    public Optional<String> overriddenBy() {
        return Optional.ofNullable(DeviceChoice.overriddenBy());
    }
}
