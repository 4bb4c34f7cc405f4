package org.tsperf.playback;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.VideoFormat;
import org.tsperf.api.playback.Picture;
import org.tsperf.api.playback.Player;
import org.tsperf.api.playback.PlayerListener;
import org.tsperf.api.playback.PlayerOptions;
import org.tsperf.api.playback.PlayerState;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.timeline.PlaybackFigures;
import org.tsperf.api.timeline.Project;

/**
 * A player of one file or one timeline at a time: the decoder thread ({@link ReadAhead}) makes pictures ahead into a
 * bounded queue, the presentation thread ({@link Presenter}) shows them at the clock, and this class keeps the state,
 * the listeners, the sound, the cache hints and the "user is busy" hold of the task system.
 */
final class FilePlayer implements Player {

    private static final Logger LOG = Logger.getLogger(FilePlayer.class.getName());
    /** Most frames dropped in a row, by decoder and presenter together, so motion never freezes for long. */
    static final int MAX_DROPS_IN_A_ROW = 2;
    /** Pictures made ahead: about a quarter of a second at 30 fps, 8 MB at 960x540. */
    private static final int READ_AHEAD = 8;

    private final PlayerOptions options;
    private final SourceChooser chooser;
    private final FileSound sound;
    private final PlaybackRegistry registry;
    private final Transport transport = new Transport();
    private final BlockingQueue<Slot> queue = new ArrayBlockingQueue<>(READ_AHEAD);
    private final ReadAhead readAhead;
    private final Presenter presenter;
    private final Thread decoderThread;
    private final Thread presenterThread;
    private final PlayerEvents events = new PlayerEvents();
    private final DeliveryCounters counters = new DeliveryCounters();
    private final AtomicReference<Picture> shown = new AtomicReference<>();
    private final PlaybackClock monotonic = new PlaybackClock.Monotonic();
    private final TraceRecorder trace;
    private final CacheHints hints;

    private volatile PlayerState.Status status = PlayerState.Status.EMPTY;
    private volatile Path file;
    private volatile OpenedSource source;
    private volatile TimelineSource timeline;
    private volatile Project project;
    private volatile String message = "";
    private volatile int dropsInARow;
    private TaskService.Hold busy;
    private volatile boolean closed;

    FilePlayer(PlayerOptions options, AudioSinks sinks, Supplier<MediaDecoder> decoders, PlaybackRegistry registry) {
        this.options = options;
        this.registry = registry;
        chooser = new SourceChooser(options, decoders);
        sound = new FileSound(options, sinks, chooser);
        trace = options.cacheTrace().map(TraceRecorder::to).orElse(TraceRecorder.NONE);
        hints = new CacheHints(trace);
        readAhead = new ReadAhead(this, transport, queue, chooser);
        presenter = new Presenter(this, transport, queue, options.paced());
        decoderThread = new Thread(readAhead, "Playback decoder");
        presenterThread = new Thread(presenter, "Playback presenter");
        decoderThread.setDaemon(true);
        presenterThread.setDaemon(true);
        presenterThread.setPriority(Thread.NORM_PRIORITY + 1);
        decoderThread.start();
        presenterThread.start();
    }

    // ---- commands (any thread) ----

    @Override
    public void open(Path path) {
        project = null;
        setSpeed(0);
        readAhead.requestOpen(path.toAbsolutePath().normalize());
    }

    @Override
    public void openProject(Project edited) {
        Objects.requireNonNull(edited, "project");
        boolean edit = project != null && status != PlayerState.Status.FAILED;
        if (edit && edited.equals(project)) {
            return; // the same pictures: nothing to reopen
        }
        if (!edit) {
            setSpeed(0);
            shown.set(null); // a seek or play right after this counts from the new timeline's frames
        }
        project = edited;
        readAhead.requestProject(edited, edit);
    }

    @Override
    public void play() {
        shuttle(1);
    }

    @Override
    public void pause() {
        shuttle(0);
    }

    @Override
    public void shuttle(int speed) {
        if (speed < -4 || speed > 4) {
            throw new IllegalArgumentException("shuttle speed must be -4 to 4, not " + speed);
        }
        setSpeed(speed);
    }

    private synchronized void setSpeed(int speed) {
        Transport.Command c = transport.current();
        long from = shownIndex();
        long count = frameCount();
        if (speed > 0 && count > 0 && from >= (c.hasLoop() ? c.loopOut() : count - 1)) {
            from = c.hasLoop() ? c.loopIn() : 0; // play at the end starts again from the beginning
        } else if (speed < 0 && from <= (c.hasLoop() ? c.loopIn() : 0) && count > 0) {
            from = c.hasLoop() ? c.loopOut() : count - 1;
        } else if (speed != 0 && c.hasLoop() && (from < c.loopIn() || from > c.loopOut())) {
            from = c.loopIn();
        }
        if (speed == c.speed() && speed != 0) {
            return;
        }
        transport.speed(speed, from);
        holdBusy(speed != 0);
        if (speed == 0) {
            sound.stop();
        }
        publish();
    }

    @Override
    public void seek(long index) {
        transport.seek(clampIndex(index), false);
        publish();
    }

    @Override
    public void step(int frames) {
        synchronized (this) {
            // from the frame asked for last while paused, so quick presses add up before the pictures come
            Transport.Command c = transport.current();
            long from = c.speed() == 0 ? c.position() : shownIndex();
            transport.speed(0, clampIndex(from + frames));
            holdBusy(false);
        }
        sound.stop();
        publish();
    }

    @Override
    public void scrub(long index) {
        transport.seek(clampIndex(index), true);
        publish();
    }

    @Override
    public synchronized void setLoop(long in, long out) {
        if (in < 0 || out < in) {
            throw new IllegalArgumentException("a loop needs 0 <= in <= out, not " + in + ".." + out);
        }
        long count = frameCount();
        long last = count > 0 ? count - 1 : out;
        long from = shownIndex();
        long a = Math.min(in, last);
        long b = Math.min(out, last);
        transport.loop(a, b, transport.current().speed() != 0 && (from < a || from > b) ? a : from);
        publish();
    }

    @Override
    public synchronized void clearLoop() {
        transport.loop(-1, -1, shownIndex());
        publish();
    }

    @Override
    public void setViewSize(int width, int height) {
        if (width < 16 || height < 16) {
            return; // a window being laid out: keep the last size
        }
        readAhead.requestViewSize(width, height);
    }

    @Override
    public PlayerState state() {
        TimelineSource t = timeline;
        if (t != null || project != null) {
            return timelineState(t);
        }
        OpenedSource s = source;
        Transport.Command c = transport.current();
        VideoFormat f = s == null ? null : s.frames().format();
        return new PlayerState(status, Optional.ofNullable(file), s == null ? "" : s.description(),
                s == null ? Optional.empty() : Optional.of(s.path()), s == null ? "" : s.frames().decoder()
                .describe(), shownIndex(), f == null ? 0 : f.frameCount(), f == null ? 0 : f.frameRate(),
                c.speed(), c.loopIn(), c.loopOut(), counters.snapshot(System.nanoTime()), message);
    }

    private PlayerState timelineState(TimelineSource t) {
        Transport.Command c = transport.current();
        Project p = t != null ? t.project() : project;
        return new PlayerState(status, Optional.empty(), t == null ? "" : t.description(), Optional.empty(),
                t == null ? "" : "timeline, " + p.width() + "x" + p.height(), shownIndex(), p.length(),
                p.rate().fps(), c.speed(), c.loopIn(), c.loopOut(), counters.snapshot(System.nanoTime()), message);
    }

    @Override
    public Optional<Picture> picture() {
        return Optional.ofNullable(shown.get());
    }

    @Override
    public void addListener(PlayerListener listener) {
        events.add(listener);
    }

    @Override
    public void removeListener(PlayerListener listener) {
        events.remove(listener);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        holdBusy(false);
        readAhead.close();
        presenter.close();
        try {
            decoderThread.join(5000);
            presenterThread.join(5000);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (decoderThread.isAlive() || presenterThread.isAlive()) {
            LOG.log(Level.WARNING, "playback threads still running 5 s after close: {0}, {1}",
                    new Object[] {decoderThread.getState(), presenterThread.getState()});
        }
        sound.close();
        trace.close();
        events.shutdown();
        registry.closed(this);
    }

    // ---- figures for the service ----

    String shortSourceName() {
        TimelineSource t = timeline;
        if (t != null) {
            return t.description();
        }
        OpenedSource s = source;
        return s == null ? "" : s.shortName();
    }

    /** The opened file's size in words ("4K"), from the original even while a proxy is read. */
    String resolutionName() {
        TimelineSource t = timeline;
        if (t != null) {
            return t.resolutionName();
        }
        OpenedSource s = source;
        return s == null ? "" : PlaybackFigures.resolutionName(s.originalWidth(), s.originalHeight());
    }

    TraceRecorder trace() {
        return trace;
    }

    double frameRate() {
        TimelineSource t = timeline;
        if (t != null) {
            return t.frameRate();
        }
        OpenedSource s = source;
        return s == null ? 0 : s.frames().format().frameRate();
    }

    PlaybackRegistry registry() {
        return registry;
    }

    Path file() {
        return file;
    }

    PlayerOptions options() {
        return options;
    }

    private long frameCount() {
        Project p = project; // the timeline asked for last, even before the decoder thread opened it
        if (p != null) {
            return p.length();
        }
        OpenedSource s = source;
        return s == null ? 0 : s.frames().format().frameCount();
    }

    private long shownIndex() {
        Picture p = shown.get();
        return p == null ? transport.current().position() : p.index();
    }

    private long clampIndex(long index) {
        long count = frameCount();
        return count == 0 ? Math.max(0, index) : Math.max(0, Math.min(count - 1, index));
    }

    // ---- callbacks of the decoder thread ----

    void opening(Path path) {
        project = null;
        file = path;
        status = PlayerState.Status.OPENING;
        message = "Opening " + path.getFileName() + "...";
        shown.set(null);
        counters.reset();
        publish();
    }

    void opened(OpenedSource opened) {
        OpenedSource before = source;
        source = opened;
        status = PlayerState.Status.READY;
        message = "";
        if (before == null || !before.original().equals(opened.original())) {
            sound.open(opened.original());
        }
        publish();
    }

    void closing(OpenedSource closing) {
        hints.stopped(closing.contentId(), shown.get());
        if (source == closing) {
            source = null;
        }
    }

    void openingTimeline(Project opening) {
        project = opening;
        file = null;
        status = PlayerState.Status.OPENING;
        message = "Opening the timeline of " + opening.name() + "...";
        shown.set(null);
        counters.reset();
        sound.close(); // the timeline's sound is not mixed for playback yet
        publish();
    }

    void openedTimeline(TimelineSource opened) {
        timeline = opened;
        status = PlayerState.Status.READY;
        message = "";
        publish();
    }

    void closingTimeline() {
        timeline = null;
    }

    /** The decoder thread took an edited project: the next frame (not this one again) shows the new pictures. */
    void timelineEdited(long requestGeneration) {
        synchronized (this) {
            Transport.Command c = transport.current();
            if (c.generation() != requestGeneration) {
                return; // the user moved on since the edit: that command is served with the new pictures
            }
            long from = shownIndex() + Integer.signum(c.speed());
            transport.speed(c.speed(), c.speed() == 0 ? clampIndex(shownIndex()) : clampIndex(from));
        }
        publish();
    }

    /** The picture on screen now comes from elsewhere (rendered preview or composited). */
    void sourceChanged() {
        publish();
    }

    void failed(String why) {
        status = PlayerState.Status.FAILED;
        message = why;
        synchronized (this) {
            transport.speed(0, shownIndex());
            holdBusy(false);
        }
        sound.stop();
        LOG.log(Level.INFO, "playback of {0} failed: {1}", new Object[] {file, why});
        publish();
    }

    /** The end (or the start, in reverse) was reached: pause there, unless the user already changed course. */
    void endReached(long generation, long last) {
        synchronized (this) {
            if (transport.current().generation() != generation) {
                return;
            }
            transport.speed(0, last);
            holdBusy(false);
        }
        publish();
    }

    void cacheHit() {
        counters.cacheHits.incrementAndGet();
    }

    /** A timeline frame was read from a rendered preview chunk. */
    void previewFrame() {
        counters.previewFrames.incrementAndGet();
    }

    void decoded(long nanos) {
        counters.decode.add(nanos);
    }

    void converted(long nanos) {
        counters.convert.add(nanos);
    }

    boolean isOverdue(long generation, long tick) {
        return presenter.isOverdue(generation, tick);
    }

    /** Whether one more frame may be dropped: never more than {@link #MAX_DROPS_IN_A_ROW} in a row. */
    boolean mayDrop() {
        return dropsInARow < MAX_DROPS_IN_A_ROW;
    }

    /** A frame dropped, by the decoder (not converted) or by the presenter (not shown). */
    void dropped() {
        dropsInARow++;
        counters.dropped.incrementAndGet();
    }

    // ---- callbacks of the presentation thread ----

    void lateFrame() {
        counters.late.incrementAndGet();
    }

    /** The clock of a run at this speed: the sound's at normal speed forward, monotonic otherwise. */
    PlaybackClock clockFor(int speed) {
        AudioOutput a = sound.clock();
        return speed == 1 && a != null ? a : monotonic;
    }

    void present(Picture picture, Transport.Command c) {
        dropsInARow = 0;
        shown.set(picture);
        counters.presentedAt(System.nanoTime());
        registry.active(this);
        OpenedSource s = source;
        if (s != null) {
            hints.shown(s.contentId(), picture, c);
        }
        events.presented(picture);
    }

    /** True while a sound device (or the test's silent sink) plays this file's sound. */
    boolean hasSound() {
        return sound.playing();
    }

    // ---- the task system and listeners ----

    /** Playing tells the task system the user is busy, so background work yields. Call with this locked. */
    private void holdBusy(boolean playing) {
        if (playing && busy == null) {
            TaskService tasks = Lookup.getDefault().lookup(TaskService.class);
            if (tasks != null) {
                Path f = file;
                Project p = project;
                busy = tasks.userBusy("playback of " + (p != null ? "the timeline of " + p.name()
                        : f == null ? "media" : f.getFileName()));
            }
        } else if (!playing && busy != null) {
            busy.close();
            busy = null;
        }
    }

    private void publish() {
        events.stateChanged(this::state);
    }

}
