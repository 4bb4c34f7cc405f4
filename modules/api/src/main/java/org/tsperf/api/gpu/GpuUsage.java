package org.tsperf.api.gpu;

import java.util.Objects;

/**
 * GPU figures as measured by the GPU module, or the reason there are none. Never a guessed figure.
 *
 * @param available          whether the figures below are real
 * @param deviceName         the device in use, e.g. "NVIDIA GeForce RTX 4070" or "llvmpipe (LLVM 15.0.6, 256 bits)"
 * @param memoryUsedBytes    device memory this application uses
 * @param memoryBudgetBytes  device memory this application may use
 * @param utilisationPercent share of the last interval the device's queues were busy, 0 to 100
 * @param reason             when not available: why, in words a user understands; empty otherwise
 */
public record GpuUsage(boolean available, String deviceName, long memoryUsedBytes, long memoryBudgetBytes,
        double utilisationPercent, String reason) {

    public GpuUsage {
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(reason, "reason");
        if (available && (memoryUsedBytes < 0 || memoryBudgetBytes < 0
                || utilisationPercent < 0 || utilisationPercent > 100)) {
            throw new IllegalArgumentException("GPU figures out of range");
        }
    }

    public static GpuUsage notAvailable(String reason) {
        return new GpuUsage(false, "", 0, 0, 0, reason);
    }

    public static GpuUsage of(String deviceName, long memoryUsedBytes, long memoryBudgetBytes,
            double utilisationPercent) {
        return new GpuUsage(true, deviceName, memoryUsedBytes, memoryBudgetBytes, utilisationPercent, "");
    }

    public double memoryPercent() {
        return memoryBudgetBytes <= 0 ? 0 : Math.min(100, 100.0 * memoryUsedBytes / memoryBudgetBytes);
    }
}
