package org.tsperf.memory;

import java.nio.ByteBuffer;
import org.tsperf.api.memory.BufferHandle;
import org.tsperf.api.memory.BufferKind;
import org.tsperf.api.memory.Priority;

/** A pool buffer lent out; its state is guarded by the manager's lock. */
final class PooledBuffer implements BufferHandle {

    enum State { IN_USE, IDLE, GONE }

    private final PooledMemoryManager owner;
    final int sizeClass;
    final ByteBuffer whole;
    private final ByteBuffer view;
    private final int size;
    private final Priority priority;
    private final BufferKind kind;
    State state = State.IN_USE;
    long lastUseNanos;

    PooledBuffer(PooledMemoryManager owner, int sizeClass, ByteBuffer whole, int size, Priority priority,
            BufferKind kind, long now) {
        this.owner = owner;
        this.sizeClass = sizeClass;
        this.whole = whole;
        this.view = whole.slice(0, size);
        this.size = size;
        this.priority = priority;
        this.kind = kind;
        this.lastUseNanos = now;
    }

    @Override
    public ByteBuffer buffer() {
        if (isGone()) {
            throw new IllegalStateException("buffer already released or reclaimed");
        }
        return view;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Priority priority() {
        return priority;
    }

    @Override
    public BufferKind kind() {
        return kind;
    }

    @Override
    public void idle() {
        owner.idle(this);
    }

    @Override
    public boolean resume() {
        return owner.resume(this);
    }

    @Override
    public boolean isGone() {
        return owner.isGone(this);
    }

    @Override
    public void release() {
        owner.release(this);
    }
}
