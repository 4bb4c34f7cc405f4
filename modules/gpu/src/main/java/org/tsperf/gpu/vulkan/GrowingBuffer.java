package org.tsperf.gpu.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.util.vma.Vma.*;
import static org.lwjgl.vulkan.VK11.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.util.vma.VmaAllocationCreateInfo;
import org.lwjgl.util.vma.VmaAllocationInfo;
import org.lwjgl.vulkan.VkBufferCreateInfo;

/** A Vulkan buffer of a {@link VulkanFrameProcessor} context that grows to the largest size asked for and is reused. */
final class GrowingBuffer {

    /** How the host reaches the buffer: not at all, writing (upload), or reading (readback). */
    enum Host { NONE, WRITE, READ }

    private final VulkanDevice vk;
    private final Runnable onReallocate;
    final int usage;
    final Host host;
    long buffer = VK_NULL_HANDLE;
    long allocation;
    long size;
    long mapped;

    /**
     * @param onReallocate called when the buffer is replaced by a larger one (its handle may be reused: descriptor
     *                     sets that point at it must be written again)
     */
    GrowingBuffer(VulkanDevice vk, int usage, Host host, Runnable onReallocate) {
        this.vk = vk;
        this.onReallocate = onReallocate;
        this.usage = usage;
        this.host = host;
    }

    void ensure(long bytes) {
        bytes = Math.max(16, (bytes + 15) & ~15L);
        if (buffer != VK_NULL_HANDLE && size >= bytes) {
            return;
        }
        free();
        // a new buffer may get the freed one's handle value: every descriptor set must be written again
        onReallocate.run();
        try (MemoryStack stack = stackPush()) {
            VkBufferCreateInfo bci = VkBufferCreateInfo.calloc(stack).sType$Default().size(bytes).usage(usage)
                    .sharingMode(VK_SHARING_MODE_EXCLUSIVE);
            VmaAllocationCreateInfo aci = VmaAllocationCreateInfo.calloc(stack).usage(VMA_MEMORY_USAGE_AUTO);
            if (host == Host.WRITE) {
                aci.flags(VMA_ALLOCATION_CREATE_HOST_ACCESS_SEQUENTIAL_WRITE_BIT | VMA_ALLOCATION_CREATE_MAPPED_BIT);
            } else if (host == Host.READ) {
                aci.flags(VMA_ALLOCATION_CREATE_HOST_ACCESS_RANDOM_BIT | VMA_ALLOCATION_CREATE_MAPPED_BIT);
            }
            LongBuffer pb = stack.mallocLong(1);
            PointerBuffer pa = stack.mallocPointer(1);
            VmaAllocationInfo info = VmaAllocationInfo.calloc(stack);
            VulkanDevice.check(vmaCreateBuffer(vk.allocator(), bci, aci, pb, pa, info),
                    "vmaCreateBuffer of " + bytes + " bytes");
            buffer = pb.get(0);
            allocation = pa.get(0);
            size = bytes;
            mapped = info.pMappedData();
        }
    }

    void free() {
        if (buffer != VK_NULL_HANDLE) {
            vmaDestroyBuffer(vk.allocator(), buffer, allocation);
            buffer = VK_NULL_HANDLE;
            size = 0;
            mapped = 0;
        }
    }

    ByteBuffer view(long bytes) {
        return MemoryUtil.memByteBuffer(mapped, (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Copies {@code bytes} from the start of {@code data} into the mapped buffer at {@code offset}. */
    void copyIn(ByteBuffer data, long offset, long bytes) {
        ByteBuffer dst = MemoryUtil.memByteBuffer(mapped + offset, (int) bytes);
        ByteBuffer src = data.duplicate().clear().limit((int) bytes);
        dst.put(src);
    }
}
