package org.tsperf.render;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tsperf.api.timeline.RenderProgress;

/**
 * The speed of the running preview renders, for the Performance Monitor: each job's frames over the time since its
 * first frame began (a background job may wait long in the queue before it runs; that wait is not its speed). Any
 * thread.
 */
final class RenderSpeed {

    private final Map<Object, RenderProgress> running = new ConcurrentHashMap<>();

    /** One job's meter: {@link Meter#frameDone} after each frame it makes. */
    final class Meter {

        private final Object job;
        private final long totalFrames;
        private final double fps;
        private long started = -1;
        private long done;

        private Meter(Object job, long totalFrames, double fps) {
            this.job = job;
            this.totalFrames = totalFrames;
            this.fps = fps;
        }

        /** A frame is about to be made: the clock starts at the first. */
        synchronized void frameStarting() {
            if (started < 0) {
                started = System.nanoTime();
            }
        }

        /** A frame was made: the job's progress now, as the monitor sees it too. */
        synchronized RenderProgress frameDone() {
            frameStarting();
            done++;
            double seconds = Math.max(1e-6, (System.nanoTime() - started) / 1e9);
            double rate = done / seconds;
            long total = Math.max(totalFrames, done);
            RenderProgress p = new RenderProgress(done, total, rate / fps, done < 2 ? -1 : (total - done) / rate);
            running.put(job, p);
            return p;
        }
    }

    Meter meter(Object job, long totalFrames, double fps) {
        return new Meter(job, totalFrames, fps);
    }

    /** The job ended (done, failed, cancelled or stopped for the user): it no longer shows. */
    void ended(Object job) {
        running.remove(job);
    }

    /** The running render's progress (the fastest, should two run), or empty. */
    Optional<RenderProgress> now() {
        return running.values().stream().max((a, b) -> Double.compare(a.realTimeSpeed(), b.realTimeSpeed()));
    }
}
