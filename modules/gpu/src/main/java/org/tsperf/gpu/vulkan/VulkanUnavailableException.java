package org.tsperf.gpu.vulkan;

/** Vulkan cannot be used here; the message says why and what to do. */
public final class VulkanUnavailableException extends Exception {

    public VulkanUnavailableException(String message) {
        super(message);
    }

    public VulkanUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
