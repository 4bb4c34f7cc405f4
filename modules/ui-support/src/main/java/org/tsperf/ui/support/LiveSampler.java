package org.tsperf.ui.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;

/**
 * The one way to build a live window (as VisualVM's application monitor does it): a <em>model</em> is sampled on a
 * background thread at a fixed delay, and the <em>view</em> only renders it, on the event thread. Reading services,
 * files or the GPU never happens on the event thread; rendering never happens off it.
 *
 * <pre>{@code
 * private final LiveSampler<View> live = new LiveSampler<>("tsperf-memory-viewer", Duration.ofSeconds(1),
 *         this::sample,   // background thread: read the services, build an immutable View (null: nothing new)
 *         this::show);    // event thread: render the View, nothing else
 *
 * protected void componentShowing() { live.start(); }  // a window behind another tab reads nothing
 * protected void componentHidden() { live.stop(); }
 * }</pre>
 *
 * A sample that throws is logged and the next one runs as usual. {@link #refreshSoon()} and {@link #refreshNow()} ask
 * for one extra sample (after a user action). Thread-safe; {@link #start()} and {@link #stop()} may be called from any thread.
 *
 * @param <T> the sampled model: an immutable value the view renders
 */
public final class LiveSampler<T> {

    private static final Logger LOG = Logger.getLogger(LiveSampler.class.getName());

    private final String threadName;
    private final Duration period;
    private final Supplier<? extends T> sample;
    private final Consumer<? super T> render;
    private ScheduledExecutorService executor;

    /**
     * @param threadName the sampling thread's name ({@code tsperf-...}, so it can be found in a thread dump)
     * @param period     the delay between the end of one sample and the start of the next
     * @param sample     reads the model, off the event thread; null means nothing to render this time
     * @param render     shows the model, on the event thread
     */
    public LiveSampler(String threadName, Duration period, Supplier<? extends T> sample, Consumer<? super T> render) {
        this.threadName = threadName;
        this.period = period;
        this.sample = sample;
        this.render = render;
    }

    /** Starts sampling now (a first sample at once); does nothing while it runs already. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::sampleOnce, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops sampling and ends the thread once a sample under way is done; a sample being rendered still shows. Never
     * an interrupt: a sample may be reading a file through a FileChannel (a MapDB index opened by a first
     * {@code statistics()}), which an interrupt closes, and the index then looked damaged.
     */
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown(); // cancels the periodic sampling; lets a running sample finish
            executor = null;
        }
    }

    /** Whether it samples now. */
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** One extra sample now (after a user action whose effect is known to be complete). */
    public synchronized void refreshNow() {
        if (executor != null) {
            executor.execute(this::sampleOnce);
        }
    }

    /** One extra sample soon (200 ms: a user action's effect shows without waiting a whole period). */
    public synchronized void refreshSoon() {
        if (executor != null) {
            executor.schedule(this::sampleOnce, 200, TimeUnit.MILLISECONDS);
        }
    }

    private void sampleOnce() {
        T model;
        try {
            model = sample.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, threadName + ": sampling failed; the next sample tries again", e);
            return;
        }
        if (model != null) {
            SwingUtilities.invokeLater(() -> render.accept(model));
        }
    }
}
