package org.tsperf.render;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openide.util.Lookup;
import org.tsperf.api.memory.AllocationRequest;
import org.tsperf.api.memory.BufferHandle;
import org.tsperf.api.memory.BufferKind;
import org.tsperf.api.memory.MemoryManager;
import org.tsperf.api.memory.Priority;

/**
 * The frame buffers of one {@link CompositePictures}, lent by the memory manager (so its budget and pressure count
 * them, as they count the decoder's) and given back on close; plain direct buffers where that module is absent.
 */
final class RenderBuffers implements AutoCloseable {

    /** A render waits this long for memory before it fails: an export is worth waiting for. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MemoryManager memory = Lookup.getDefault().lookup(MemoryManager.class);
    private final List<BufferHandle> lent = new ArrayList<>();

    /** A buffer of at least {@code bytes}, position 0. */
    ByteBuffer allocate(long bytes, String what) {
        if (memory == null) {
            return ByteBuffer.allocateDirect((int) bytes);
        }
        try {
            Optional<BufferHandle> h = memory.allocate(AllocationRequest.exactly(bytes, Priority.NORMAL,
                    BufferKind.VIDEO, WAIT));
            BufferHandle handle = h.orElseThrow(() -> new IllegalStateException("no memory for " + what + " ("
                    + bytes / 1_048_576 + " MiB) within " + WAIT.toSeconds() + " s: the memory manager's pools are"
                    + " full; close other work (playback, proxy jobs) or choose a larger memory profile"));
            lent.add(handle);
            return handle.buffer();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for memory for " + what, ex);
        }
    }

    @Override
    public void close() {
        lent.forEach(BufferHandle::release);
        lent.clear();
    }
}
