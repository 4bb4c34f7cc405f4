package org.tsperf.gpu.vulkan;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.tsperf.api.util.Workbench;

/**
 * How to open Vulkan, from system properties by default.
 *
 * @param enabled        false forces the CPU fallback ({@code -Dtsperf.gpu.vulkan=false})
 * @param deviceOverride a part of the device name to prefer ({@code -Dtsperf.gpu.device=...}), empty for automatic
 * @param validation     enable VK_LAYER_KHRONOS_validation when installed ({@code -Dtsperf.gpu.validation=true})
 * @param cacheDirectory where the pipeline cache file lives ({@code -Dtsperf.gpu.cacheDir=...})
 */
public record VulkanOptions(boolean enabled, String deviceOverride, boolean validation, Path cacheDirectory) {

    public static VulkanOptions fromSystemProperties() {
        return new VulkanOptions(
                !"false".equalsIgnoreCase(System.getProperty("tsperf.gpu.vulkan", "true")),
                System.getProperty("tsperf.gpu.device", ""),
                Boolean.getBoolean("tsperf.gpu.validation"),
                defaultCacheDirectory());
    }

    static Path defaultCacheDirectory() {
        String explicit = System.getProperty("tsperf.gpu.cacheDir");
        if (explicit != null && !explicit.isBlank()) {
            return Paths.get(explicit);
        }
        Optional<Path> userdir = Workbench.userDirectory();
        if (userdir.isPresent()) {
            return userdir.get().resolve(Path.of("var", "cache", "tsperf-gpu"));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("tsperf").resolve("gpu");
    }

    public VulkanOptions withCacheDirectory(Path dir) {
        return new VulkanOptions(enabled, deviceOverride, validation, dir);
    }

    public VulkanOptions withDeviceOverride(String name) {
        return new VulkanOptions(enabled, name == null ? "" : name, validation, cacheDirectory);
    }

    public VulkanOptions withValidation(boolean on) {
        return new VulkanOptions(enabled, deviceOverride, on, cacheDirectory);
    }
}
