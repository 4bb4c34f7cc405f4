package org.tsperf.gpu;

import java.util.Map;
import java.util.prefs.Preferences;
import org.tsperf.api.gpu.GpuDeviceChoice;
import org.tsperf.api.util.ModulePreferences;
import org.tsperf.api.util.StoredSettings;

/**
 * The user's choice of where frame operations run, made in the GPU Scheduler window: automatic (the best device, then
 * the faster path measured at first use), one Vulkan device by name, or the CPU reference. In the workbench it is kept
 * in this module's preferences ({@code NbPreferences}); in a plain JVM (the CLI, unit tests) it lives for the JVM
 * only, so the CLI follows its own options. The system properties win: with {@code -Dtsperf.gpu.device} (or
 * {@code -Dtsperf.gpu.path}) set, this choice is ignored. May be called from any thread.
 */
public final class DeviceChoice {

    /** Automatic: the best device, the faster path. */
    public static final String AUTOMATIC = GpuDeviceChoice.AUTOMATIC;
    /** The CPU reference, whatever Vulkan offers. */
    public static final String CPU = GpuDeviceChoice.CPU;
    private static final String KEY = "device";

    private DeviceChoice() {
    }

    private static Preferences preferences() {
        return ModulePreferences.forModule(DeviceChoice.class);
    }

    /** The stored choice: {@link #AUTOMATIC}, {@link #CPU} or a device name. */
    public static String get() {
        return preferences().get(KEY, AUTOMATIC);
    }

    /**
     * Stores the choice; it applies when the runtime is next opened ({@link GpuRuntimes#restart()}).
     *
     * @throws org.tsperf.api.util.SettingsNotSavedException when it cannot be written (a full disk): nothing changed
     */
    public static void set(String choice) {
        String value = choice == null ? AUTOMATIC : choice;
        // put, never remove: NbPreferences ignores a late file event that carries a value put earlier, but a remove
        // forgets those values, so the event of the previous choice's write (the file watcher reports it up to
        // seconds later) would bring that choice back before the removal is written
        StoredSettings.save(preferences(), Map.of(KEY, value)); // a full disk throws: the old choice stays
    }

    /** Whether a system property decides instead of this choice (and what it says), else null. */
    public static String overriddenBy() {
        String device = System.getProperty("tsperf.gpu.device");
        if (device != null && !device.isBlank()) {
            return "-Dtsperf.gpu.device=" + device;
        }
        String path = System.getProperty("tsperf.gpu.path");
        if (path != null && !path.isBlank() && !path.equalsIgnoreCase("auto")) {
            return "-Dtsperf.gpu.path=" + path;
        }
        return null;
    }
}
