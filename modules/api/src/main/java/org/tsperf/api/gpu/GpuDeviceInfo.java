package org.tsperf.api.gpu;

/**
 * One Vulkan device as the driver reports it.
 *
 * @param name                      e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"
 * @param type                      "discrete", "integrated", "virtual", "cpu" or "other"
 * @param apiVersion                e.g. "1.3.230"
 * @param driverVersion             raw driver version as reported
 * @param vendorId                  PCI vendor id
 * @param deviceId                  PCI device id
 * @param deviceLocalBytes          size of the largest device-local heap
 * @param maxComputeWorkGroupInvocations limit of one work group
 * @param maxStorageBufferRange     largest storage buffer a shader can address
 * @param chosen                    whether the processor uses this device
 */
public record GpuDeviceInfo(String name, String type, String apiVersion, long driverVersion, int vendorId,
        int deviceId, long deviceLocalBytes, int maxComputeWorkGroupInvocations, long maxStorageBufferRange,
        boolean chosen) {
}
