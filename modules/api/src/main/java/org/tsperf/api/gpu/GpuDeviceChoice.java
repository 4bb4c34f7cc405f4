package org.tsperf.api.gpu;

import java.util.Optional;

/**
 * The user's choice of where frame operations run: automatic (the best device, then the faster path measured at first
 * use), one Vulkan device by name, or the CPU reference. Remembered (the GPU module's preferences in the workbench,
 * the JVM's lifetime elsewhere). Provided through Lookup by the GPU module. May be called from any thread;
 * {@link #choose} waits for running frames, so not from the event thread.
 */
public interface GpuDeviceChoice {

    /** Automatic: the best device, the faster path. */
    String AUTOMATIC = "";
    /** The CPU reference, whatever Vulkan offers. */
    String CPU = "cpu";

    /** The stored choice: {@link #AUTOMATIC}, {@link #CPU} or a device name ({@link GpuDeviceInfo#name()}). */
    String current();

    /**
     * Stores a choice and applies it: the GPU runtime restarts once the frames running on it are done (Vulkan
     * released, pipeline cache saved); the next use opens it with the choice.
     *
     * @throws org.tsperf.api.util.SettingsNotSavedException when the settings file cannot be written (e.g. a full
     *         disk): nothing changed, and the message names the file, the disk and what to do
     */
    void choose(String choice);

    /** The system property that decides instead of the stored choice (e.g. {@code -Dtsperf.gpu.device=...}), if any. */
    Optional<String> overriddenBy();
}
