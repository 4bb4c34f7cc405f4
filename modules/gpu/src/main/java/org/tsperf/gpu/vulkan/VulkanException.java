package org.tsperf.gpu.vulkan;

/** A Vulkan call failed while running; the message names the call and its result. */
public final class VulkanException extends RuntimeException {

    public VulkanException(String message) {
        super(message);
    }
}
