package org.tsperf.gpu.vulkan;

/** A frame needs more than the device allows (e.g. maxStorageBufferRange); the caller runs it on the CPU instead. */
public final class DeviceLimitException extends RuntimeException {

    public DeviceLimitException(String message) {
        super(message);
    }
}
