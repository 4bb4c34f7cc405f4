package org.tsperf.memory;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.memory.AllocationRequest;
import org.tsperf.api.memory.BufferHandle;
import org.tsperf.api.memory.BufferKind;
import org.tsperf.api.memory.MemoryListener;
import org.tsperf.api.memory.MemoryManager;
import org.tsperf.api.memory.MemoryProfile;
import org.tsperf.api.memory.MemoryStatistics;
import org.tsperf.api.memory.PoolStatistics;
import org.tsperf.api.memory.PressureLevel;
import org.tsperf.api.memory.Priority;

/**
 * Off-heap buffer pools in size classes within the profile's budget. An allocation is served, in this order, by:
 * a free buffer of its class; a new buffer while the pools are within budget (free buffers of other classes are
 * dropped to make room); then the pressure steps, retrying after each: (1) take back idle thumbnails, (2) idle
 * audio unused for 30 s, (3) idle low-priority video, (4) halve the L1 cache budget (the pools may use what the cache
 * gives up), (5) halve the request down to its minimum; and at last (6) a wait in a queue served by priority, then
 * arrival, until the request's timeout. {@link OutOfMemoryError} from the JVM's direct memory limit is treated as
 * "no room" and never reaches the caller.
 */
final class PooledMemoryManager implements MemoryManager {

    private static final Logger LOG = Logger.getLogger(PooledMemoryManager.class.getName());
    static final long AUDIO_UNUSED_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final MemoryProfile profile;
    private final SystemMemory system;
    private final LongSupplier clock;
    private final Executor notifier;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<ArrayDeque<ByteBuffer>> free = new ArrayList<>();
    private final List<PooledBuffer> lent = new ArrayList<>();
    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>(
            Comparator.comparing((Waiter w) -> w.priority).thenComparingLong(w -> w.seq));
    private final List<MemoryListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> pressureSteps = new CopyOnWriteArrayList<>();
    private long capacityBytes;
    private long cacheBudget;
    private long seq;
    private long timedOut;
    private long reclaimed;
    private long shrunk;
    private volatile PressureLevel pressure = PressureLevel.NORMAL;

    /**
     * @param clock    nanoseconds, for "unused for 30 s"
     * @param notifier runs listener calls, outside the manager's lock
     */
    PooledMemoryManager(MemoryProfile profile, SystemMemory system, LongSupplier clock, Executor notifier) {
        this.profile = profile;
        this.system = system;
        this.clock = clock;
        this.notifier = notifier;
        this.cacheBudget = profile.cacheBytes();
        for (int i = 0; i < SizeClasses.count(); i++) {
            free.add(new ArrayDeque<>());
        }
    }

    private static final class Waiter {
        final Priority priority;
        final long seq;
        final Condition signal;

        Waiter(Priority priority, long seq, Condition signal) {
            this.priority = priority;
            this.seq = seq;
            this.signal = signal;
        }
    }

    // ---- allocation ------------------------------------------------------------------------------------------

    @Override
    public Optional<BufferHandle> allocate(AllocationRequest request) throws InterruptedException {
        if (SizeClasses.classOf(request.minimumBytes()) < 0) {
            throw new IllegalArgumentException("buffers are at most " + SizeClasses.LARGEST + " bytes, not "
                    + request.minimumBytes());
        }
        lock.lock();
        try {
            Optional<BufferHandle> now = waiters.isEmpty() ? tryAllocate(request) : Optional.empty();
            if (now.isPresent() || request.timeout().isZero()) {
                if (now.isEmpty()) {
                    timedOut++;
                }
                return now;
            }
            Waiter me = new Waiter(request.priority(), seq++, lock.newCondition());
            waiters.add(me);
            long remaining = request.timeout().toNanos();
            try {
                while (true) {
                    if (waiters.peek() == me) {
                        Optional<BufferHandle> h = tryAllocate(request);
                        if (h.isPresent()) {
                            return h;
                        }
                    }
                    if (remaining <= 0) {
                        timedOut++;
                        return Optional.empty();
                    }
                    remaining = me.signal.awaitNanos(remaining);
                }
            } finally {
                waiters.remove(me);
                signalHead();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Free buffer, new buffer, then the pressure steps; under the lock. */
    private Optional<BufferHandle> tryAllocate(AllocationRequest r) {
        long want = r.bytes();
        Optional<BufferHandle> h = plain(want, r);
        if (h.isPresent()) {
            return h;
        }
        String[] steps = {"drop idle thumbnails", "free idle audio unused for 30 s", "free idle low-priority video"};
        List<Predicate<PooledBuffer>> reclaimable = List.of(
                b -> b.kind() == BufferKind.THUMBNAIL,
                b -> b.kind() == BufferKind.AUDIO && clock.getAsLong() - b.lastUseNanos >= AUDIO_UNUSED_NANOS,
                b -> b.kind() == BufferKind.VIDEO && b.priority() == Priority.LOW);
        for (int i = 0; i < steps.length; i++) {
            if (reclaimIdle(reclaimable.get(i)) > 0) {
                pressureSteps.add(steps[i]);
                h = plain(want, r);
                if (h.isPresent()) {
                    return h;
                }
            }
        }
        long minCache = profile.cacheBytes() / 8;
        while (cacheBudget > minCache) {
            setCacheBudget(Math.max(minCache, cacheBudget / 2));
            pressureSteps.add("shrink the L1 cache budget");
            h = plain(want, r);
            if (h.isPresent()) {
                return h;
            }
        }
        while (want / 2 >= r.minimumBytes()) {
            want /= 2;
            pressureSteps.add("halve the requested size");
            h = plain(want, r);
            if (h.isPresent()) {
                shrunk++;
                return h;
            }
        }
        return Optional.empty();
    }

    /** A free buffer of the class, or a new one within budget. */
    private Optional<BufferHandle> plain(long bytes, AllocationRequest r) {
        int c = SizeClasses.classOf(bytes);
        int classBytes = SizeClasses.size(c);
        ByteBuffer b = free.get(c).pollFirst();
        if (b == null) {
            if (capacityBytes + classBytes > poolBudget()) {
                dropFreeBuffers(capacityBytes + classBytes - poolBudget());
            }
            if (capacityBytes + classBytes > poolBudget()) {
                return Optional.empty();
            }
            try {
                b = ByteBuffer.allocateDirect(classBytes);
            } catch (OutOfMemoryError e) {
                // the JVM's direct memory limit (-XX:MaxDirectMemorySize): no room, like a full budget
                LOG.log(Level.WARNING, "direct memory exhausted below the pool budget; treating it as full", e);
                return Optional.empty();
            }
            capacityBytes += classBytes;
        }
        PooledBuffer p = new PooledBuffer(this, c, b, (int) bytes, r.priority(), r.kind(), clock.getAsLong());
        lent.add(p);
        return Optional.of(p);
    }

    /** The pools may use their own budget plus what the cache has given up. */
    private long poolBudget() {
        return profile.poolBytes() + (profile.cacheBytes() - cacheBudget);
    }

    /** Drops free buffers (largest first) until {@code bytes} are given back; the GC returns their memory. */
    private long dropFreeBuffers(long bytes) {
        long dropped = 0;
        for (int c = free.size() - 1; c >= 0 && dropped < bytes; c--) {
            while (dropped < bytes && free.get(c).pollFirst() != null) {
                dropped += SizeClasses.size(c);
            }
        }
        capacityBytes -= dropped;
        return dropped;
    }

    private int reclaimIdle(Predicate<PooledBuffer> which) {
        int n = 0;
        for (PooledBuffer b : new ArrayList<>(lent)) {
            if (b.state == PooledBuffer.State.IDLE && which.test(b)) {
                giveBack(b);
                reclaimed++;
                n++;
            }
        }
        return n;
    }

    private void giveBack(PooledBuffer b) {
        b.state = PooledBuffer.State.GONE;
        lent.remove(b);
        b.whole.clear();
        free.get(b.sizeClass).addFirst(b.whole);
    }

    private void signalHead() {
        Waiter head = waiters.peek();
        if (head != null) {
            head.signal.signal();
        }
    }

    // ---- handle callbacks ------------------------------------------------------------------------------------

    void release(PooledBuffer b) {
        lock.lock();
        try {
            if (b.state != PooledBuffer.State.GONE) {
                giveBack(b);
                signalHead();
            }
        } finally {
            lock.unlock();
        }
    }

    void idle(PooledBuffer b) {
        lock.lock();
        try {
            if (b.state == PooledBuffer.State.IN_USE) {
                b.state = PooledBuffer.State.IDLE;
                b.lastUseNanos = clock.getAsLong();
                signalHead();
            }
        } finally {
            lock.unlock();
        }
    }

    boolean resume(PooledBuffer b) {
        lock.lock();
        try {
            if (b.state == PooledBuffer.State.GONE) {
                return false;
            }
            b.state = PooledBuffer.State.IN_USE;
            b.lastUseNanos = clock.getAsLong();
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean isGone(PooledBuffer b) {
        lock.lock();
        try {
            return b.state == PooledBuffer.State.GONE;
        } finally {
            lock.unlock();
        }
    }

    // ---- cache budget, pressure, listeners -------------------------------------------------------------------

    private void setCacheBudget(long bytes) {
        cacheBudget = bytes;
        for (MemoryListener l : listeners) {
            notifier.execute(() -> l.cacheBudgetChanged(bytes));
        }
    }

    /**
     * Recomputes the pressure level from the machine (available memory), the heap and the pools, tells listeners of a
     * change, and acts: from HIGH idle thumbnails and old audio are taken back; from CRITICAL also low-priority
     * video and the cache budget is halved; back at NORMAL the cache budget returns to the profile's.
     */
    PressureLevel sample() {
        Runtime rt = Runtime.getRuntime();
        double heap = (rt.totalMemory() - rt.freeMemory()) / (double) rt.maxMemory();
        double machine = 1 - system.availableBytes() / (double) Math.max(1, system.totalBytes());
        PressureLevel level;
        lock.lock();
        try {
            double pools = usedBytes() / (double) Math.max(1, poolBudget());
            level = levelOf(Math.max(machine, Math.max(heap, pools)));
            if (level.compareTo(PressureLevel.HIGH) >= 0) {
                reclaimIdle(b -> b.kind() == BufferKind.THUMBNAIL);
                reclaimIdle(b -> b.kind() == BufferKind.AUDIO && clock.getAsLong() - b.lastUseNanos >= AUDIO_UNUSED_NANOS);
            }
            if (level == PressureLevel.CRITICAL) {
                reclaimIdle(b -> b.kind() == BufferKind.VIDEO && b.priority() == Priority.LOW);
                if (cacheBudget > profile.cacheBytes() / 8) {
                    setCacheBudget(Math.max(profile.cacheBytes() / 8, cacheBudget / 2));
                }
            }
            if (level == PressureLevel.NORMAL && cacheBudget < profile.cacheBytes()) {
                setCacheBudget(profile.cacheBytes());
            }
            signalHead();
        } finally {
            lock.unlock();
        }
        if (level != pressure) {
            pressure = level;
            for (MemoryListener l : listeners) {
                notifier.execute(() -> l.pressureChanged(level));
            }
        }
        return level;
    }

    static PressureLevel levelOf(double fraction) {
        if (fraction >= 0.95) {
            return PressureLevel.CRITICAL;
        }
        if (fraction >= 0.85) {
            return PressureLevel.HIGH;
        }
        if (fraction >= 0.70) {
            return PressureLevel.ELEVATED;
        }
        return PressureLevel.NORMAL;
    }

    private long usedBytes() {
        long used = 0;
        for (PooledBuffer b : lent) {
            used += SizeClasses.size(b.sizeClass);
        }
        return used;
    }

    /** The pressure steps taken so far, in order (for tests and the log). */
    List<String> pressureSteps() {
        return List.copyOf(pressureSteps);
    }

    @Override
    public PressureLevel pressure() {
        return pressure;
    }

    @Override
    public MemoryProfile profile() {
        return profile;
    }

    @Override
    public long cacheBudgetBytes() {
        lock.lock();
        try {
            return cacheBudget;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public MemoryStatistics statistics() {
        lock.lock();
        try {
            Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
            for (Priority p : Priority.values()) {
                byPriority.put(p, 0L);
            }
            int[] inUse = new int[SizeClasses.count()];
            int[] idle = new int[SizeClasses.count()];
            for (PooledBuffer b : lent) {
                byPriority.merge(b.priority(), (long) SizeClasses.size(b.sizeClass), Long::sum);
                if (b.state == PooledBuffer.State.IDLE) {
                    idle[b.sizeClass]++;
                } else {
                    inUse[b.sizeClass]++;
                }
            }
            List<PoolStatistics> pools = new ArrayList<>();
            for (int c = 0; c < SizeClasses.count(); c++) {
                if (inUse[c] + idle[c] + free.get(c).size() > 0) {
                    pools.add(new PoolStatistics(SizeClasses.size(c), inUse[c], idle[c], free.get(c).size()));
                }
            }
            Runtime rt = Runtime.getRuntime();
            return new MemoryStatistics(profile, pressure, poolBudget(), capacityBytes, usedBytes(), byPriority, pools,
                    cacheBudget, waiters.size(), timedOut, reclaimed, shrunk, rt.totalMemory() - rt.freeMemory(),
                    rt.maxMemory(), system.totalBytes(), system.availableBytes());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long freeUnused() {
        lock.lock();
        try {
            reclaimIdle(b -> true);
            long dropped = dropFreeBuffers(Long.MAX_VALUE);
            signalHead();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void addListener(MemoryListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(MemoryListener listener) {
        listeners.remove(listener);
    }
}
