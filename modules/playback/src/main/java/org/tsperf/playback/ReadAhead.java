package org.tsperf.playback;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.media.DecodedFrame;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.playback.Picture;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.timeline.Project;

/**
 * The decoder thread: owns the open source (decoders are not thread-safe), and makes the pictures the transport asks
 * for, ahead of time, into a bounded queue: forward by decoding on, reverse by decoding short chunks backwards, after
 * a seek from the nearest keyframe (the decoder's exact seek). Looks in the frame cache first. A timeline
 * ({@link TimelineSource}) is read frame by frame in either direction.
 */
final class ReadAhead implements Runnable {

    private static final Logger LOG = Logger.getLogger(ReadAhead.class.getName());
    /** Frames decoded at once when playing backwards. */
    private static final int REVERSE_CHUNK = 12;
    /** How often (frames) the played files are checked to still exist. */
    private static final int EXISTENCE_CHECK_EVERY = 15;
    /**
     * How long the thread sleeps with nothing to make (paused, at the end, no file): a safety net only, since every
     * command, a new view size and closing wake it at once. An idle Viewer wakes no thread.
     */
    private static final long IDLE_WAIT_MILLIS = 60_000;

    private final FilePlayer player;
    private final Transport transport;
    private final BlockingQueue<Slot> queue;
    private final SourceChooser chooser;
    private PictureMaker maker;
    private volatile Path pendingOpen;
    /** A project to play: a new timeline, or an edit of the one playing (position kept). */
    private volatile ProjectRequest pendingProject;
    private volatile PictureSize pendingView;
    private volatile boolean closed;
    private int viewWidth = 960;
    private int viewHeight = 540;

    private OpenedSource source;
    private TimelineSource timeline;
    private PictureSize size;
    /** The index {@code frames.next()} returns next, -1 when unknown. */
    private long decoderNext = -1;
    private final Map<Long, Picture> reverseChunk = new HashMap<>();
    private long framesSinceCheck;

    ReadAhead(FilePlayer player, Transport transport, BlockingQueue<Slot> queue, SourceChooser chooser) {
        this.player = player;
        this.transport = transport;
        this.queue = queue;
        this.chooser = chooser;
    }

    void requestOpen(Path file) {
        pendingProject = null;
        pendingOpen = file;
        transport.reset();
    }

    /** {@code generation}: the transport's when an edit was asked for (-1 for a new timeline). */
    record ProjectRequest(Project project, boolean edit, long generation) {
    }

    /** Plays {@code project}; {@code edit}: keeps the position and speed when a timeline plays already. */
    void requestProject(Project project, boolean edit) {
        pendingOpen = null;
        // the request is in place before the decoder thread is woken, or it would sleep past it
        if (edit) {
            pendingProject = new ProjectRequest(project, true, transport.current().generation());
            transport.wake();
        } else {
            pendingProject = new ProjectRequest(project, false, -1);
            transport.reset();
        }
    }

    void requestViewSize(int width, int height) {
        pendingView = new PictureSize(width, height);
        transport.wake();
    }

    void close() {
        closed = true;
        transport.wake();
    }

    @Override
    public void run() {
        long generation = -1;
        long next = 0;
        long tick = 0;
        boolean stillMade = false;
        boolean endQueued = false;
        try {
            while (!closed) {
                try {
                    Path open = pendingOpen;
                    if (open != null) {
                        pendingOpen = null;
                        open(open);
                        generation = -1;
                        continue;
                    }
                    ProjectRequest project = pendingProject;
                    if (project != null) {
                        pendingProject = null;
                        openProject(project);
                        generation = -1;
                        continue;
                    }
                    PictureSize view = pendingView;
                    if (view != null) {
                        pendingView = null;
                        resize(view);
                        generation = -1;
                        continue;
                    }
                    Transport.Command c = transport.current();
                    if (c.generation() != generation) {
                        generation = c.generation();
                        queue.clear();
                        reverseChunk.clear();
                        next = !hasPictures() ? 0 : clamp(c.position());
                        tick = 0;
                        stillMade = false;
                        endQueued = false;
                    }
                    if (!hasPictures()) {
                        transport.awaitChange(generation, IDLE_WAIT_MILLIS);
                        continue;
                    }
                    if (c.speed() == 0) {
                        if (!stillMade) {
                            Picture p = pictureAt(next, 0, true, true);
                            put(new Slot(generation, 0, p));
                            stillMade = true;
                        } else {
                            transport.awaitChange(generation, IDLE_WAIT_MILLIS);
                        }
                        continue;
                    }
                    if (next < 0 || next >= frameCount()) {
                        if (!endQueued) {
                            put(Slot.end(generation, tick, clamp(next)));
                            endQueued = true;
                        }
                        transport.awaitChange(generation, IDLE_WAIT_MILLIS);
                        continue;
                    }
                    next = checkStillThere(next);
                    boolean late = player.isOverdue(generation, tick) && queue.isEmpty() && player.reserveDrop();
                    Picture p = pictureAt(next, c.speed(), !late, worthKeeping(c));
                    if (p == null) {
                        player.dropped(late);
                    } else {
                        if (late) {
                            player.releaseDrop();
                        }
                        put(new Slot(generation, tick, p));
                    }
                    tick++;
                    next = advance(next, c);
                } catch (MediaException ex) {
                    if (source != null && source.proxy() && ex.problem() != MediaException.Problem.MISSING) {
                        LOG.log(Level.WARNING, "proxy {0} failed ({1}); playing the original",
                                new Object[] {source.path(), ex.getMessage()});
                        next = fallBackToOriginal(next);
                    } else {
                        fail(ex.getMessage());
                    }
                } catch (RuntimeException ex) {
                    LOG.log(Level.WARNING, "playback failed", ex);
                    fail(ex.getMessage() == null ? ex.toString() : ex.getMessage());
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } finally {
            closeSource();
        }
    }

    private void fail(String message) {
        closeSource();
        player.failed(message);
    }

    private boolean hasPictures() {
        return source != null || timeline != null;
    }

    private long frameCount() {
        return timeline != null ? timeline.frameCount() : source.frames().format().frameCount();
    }

    private void openProject(ProjectRequest request) {
        try {
            if (request.edit() && timeline != null) {
                timeline.replace(request.project(), viewWidth, viewHeight);
                player.timelineEdited(request.generation());
                return;
            }
            closeSource();
            queue.clear();
            player.openingTimeline(request.project());
            timeline = new TimelineSource(request.project(), player.options(), chooser::decoder);
            timeline.open(viewWidth, viewHeight);
            player.openedTimeline(timeline);
        } catch (MediaException | RuntimeException ex) {
            LOG.log(Level.FINE, "cannot open the timeline of " + request.project().name(), ex);
            fail(ex.getMessage() == null ? ex.toString() : ex.getMessage());
        }
    }

    private void open(Path file) throws InterruptedException {
        closeSource();
        queue.clear();
        player.opening(file);
        try {
            if (maker == null) {
                maker = new PictureMaker(player.trace());
                maker.warmUp();
            }
            source = chooser.open(file, viewWidth);
            decoderNext = 0;
            size = PictureSize.fit(source.frames().format(), viewWidth, viewHeight);
            maker.fit(source.frames(), size);
            player.opened(source);
        } catch (MediaException | RuntimeException ex) {
            LOG.log(Level.FINE, "cannot open " + file, ex);
            fail(ex.getMessage() == null ? ex.toString() : ex.getMessage());
        }
    }

    /** A new view size: new picture sizes, and maybe another proxy. */
    private void resize(PictureSize view) throws MediaException {
        viewWidth = view.width();
        viewHeight = view.height();
        if (timeline != null) {
            timeline.open(viewWidth, viewHeight);
            return;
        }
        if (source == null) {
            return;
        }
        Optional<Path> wanted = chooser.proxyFor(source.original(), viewWidth).map(ProxyFile::path);
        Optional<Path> reading = source.proxy() ? Optional.of(source.path()) : Optional.empty();
        if (!wanted.equals(reading)) {
            long time = source.frames().timeOf(clamp(transport.current().position()));
            closeSource();
            source = chooser.open(player.file(), viewWidth);
            decoderNext = 0;
            player.opened(source);
            transport.seek(source.frames().frameAt(time), false);
        }
        size = PictureSize.fit(source.frames().format(), viewWidth, viewHeight);
        maker.fit(source.frames(), size);
    }

    /**
     * A played proxy deleted goes over to the original at the same time; a deleted original is an error (an open
     * file stays readable on Linux, but the user must know that what they play is gone).
     */
    private long checkStillThere(long next) throws MediaException {
        if (source == null || ++framesSinceCheck < EXISTENCE_CHECK_EVERY) {
            return next;
        }
        framesSinceCheck = 0;
        if (!Files.exists(source.original())) {
            throw new MediaException(source.original(), MediaException.Problem.MISSING, source.original()
                    + ": was deleted or moved while playing. Put it back, or open it where it is now.");
        }
        if (source.proxy() && !Files.exists(source.path())) {
            LOG.log(Level.INFO, "proxy {0} is gone; playing the original", source.path());
            return switchToOriginal(next);
        }
        return next;
    }

    private long fallBackToOriginal(long next) {
        try {
            return switchToOriginal(next);
        } catch (MediaException ex) {
            fail(ex.getMessage());
            return 0;
        }
    }

    private long switchToOriginal(long next) throws MediaException {
        long time = source.frames().timeOf(clamp(next));
        Path original = source.original();
        closeSource();
        source = chooser.openOriginal(original);
        decoderNext = 0;
        size = PictureSize.fit(source.frames().format(), viewWidth, viewHeight);
        maker.fit(source.frames(), size);
        reverseChunk.clear();
        player.opened(source);
        return source.frames().frameAt(time);
    }

    private long clamp(long index) {
        return Math.max(0, Math.min(frameCount() - 1, index));
    }

    private static long advance(long index, Transport.Command c) {
        long next = index + c.speed();
        if (c.hasLoop()) {
            if (c.speed() > 0 && next > c.loopOut()) {
                next = c.loopIn() + (next - c.loopOut() - 1);
            } else if (c.speed() < 0 && next < c.loopIn()) {
                next = c.loopOut() - (c.loopIn() - next - 1);
            }
        }
        return next;
    }

    private void put(Slot slot) throws InterruptedException {
        while (!closed && transport.current().generation() == slot.generation()) {
            if (queue.offer(slot, 50, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /**
     * The picture of frame {@code index}: from the cache, else decoded and converted. With {@code convert} false
     * the frame is only decoded past (a drop), and null comes back.
     */
    private Picture pictureAt(long index, int speed, boolean convert, boolean keep) throws MediaException {
        if (timeline != null) {
            return convert ? composed(index) : null; // any frame in any order: reverse composes frame by frame
        }
        Picture chunked = reverseChunk.get(index);
        if (chunked != null) {
            return convert ? chunked : null;
        }
        Optional<Picture> cached = maker.cached(source, index, size);
        if (cached.isPresent()) {
            player.cacheHit();
            return convert ? cached.get() : null;
        }
        if (speed < 0) {
            decodeChunkBackwards(index);
            Picture p = reverseChunk.get(index);
            return convert ? p : null;
        }
        if (!convert) {
            // dropped in the decoder: not decoded now; on the way to the next frame the decoder skips it when no
            // other frame refers to it (FrameSource.seek), and decodes it without a picture otherwise
            return null;
        }
        try (DecodedFrame frame = frameAt(index)) {
            return convert(frame, keep);
        }
    }

    /**
     * Whether the pictures of this run go into the frame cache: those of a loop, a reverse play or a shuttle faster
     * than real time are asked again soon; a plain forward play shows each frame once, and storing 60 pictures a
     * second would push out what loops, scrubs and stills put there (and keep the garbage collector busy).
     */
    private static boolean worthKeeping(Transport.Command c) {
        return c.hasLoop() || c.speed() < 0 || c.speed() > 1;
    }

    private Picture convert(DecodedFrame frame, boolean keep) {
        long t0 = System.nanoTime();
        Picture p = maker.make(source, frame, size, keep);
        player.converted(System.nanoTime() - t0);
        return p;
    }

    /**
     * Decodes frame {@code index}: the decoder's next frame, or by the decoder's exact seek, which decodes on when
     * the frame is ahead in the same group of pictures and skips the frames on the way that nothing refers to.
     */
    private DecodedFrame frameAt(long index) throws MediaException {
        if (index == decoderNext) {
            DecodedFrame f = timedNext(index);
            decoderNext = f.index() + 1;
            return f;
        }
        long t0 = System.nanoTime();
        DecodedFrame f = source.frames().seek(index);
        player.decoded(System.nanoTime() - t0);
        decoderNext = index + 1;
        return f;
    }

    private DecodedFrame timedNext(long wanted) throws MediaException {
        long t0 = System.nanoTime();
        DecodedFrame f = source.frames().next();
        player.decoded(System.nanoTime() - t0);
        if (f == null) {
            throw new MediaException(source.path(), MediaException.Problem.TRUNCATED, source.path()
                    + ": ends before frame " + wanted + " of the " + source.frames().format().frameCount()
                    + " its index lists (truncated or still being written?)");
        }
        return f;
    }

    /** Reverse play: decodes the chunk that ends at {@code index} forward and keeps its pictures. */
    private void decodeChunkBackwards(long index) throws MediaException {
        reverseChunk.clear();
        long first = Math.max(0, index - REVERSE_CHUNK + 1);
        for (long i = first; i <= index; i++) {
            Optional<Picture> cached = maker.cached(source, i, size);
            if (cached.isPresent()) {
                reverseChunk.put(i, cached.get());
                continue;
            }
            try (DecodedFrame frame = frameAt(i)) {
                reverseChunk.put(i, convert(frame, true));
            }
        }
    }

    private Picture composed(long index) throws MediaException {
        long t0 = System.nanoTime();
        String before = timeline.description();
        Picture p = timeline.picture(index);
        player.decoded(System.nanoTime() - t0);
        if (TimelineSource.RENDERED.equals(timeline.description())) {
            player.previewFrame();
        }
        if (!before.equals(timeline.description())) {
            player.sourceChanged();
        }
        return p;
    }

    private void closeSource() {
        if (timeline != null) {
            player.closingTimeline();
            timeline.close();
            timeline = null;
        }
        if (source != null) {
            player.closing(source);
            source.close();
            source = null;
        }
        decoderNext = -1;
        reverseChunk.clear();
    }
}
