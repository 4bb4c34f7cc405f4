package org.tsperf.api.playback;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Plays one file or one project's timeline: decodes ahead on its own threads, presents frames at the clock (the audio device's when sound
 * plays), drops a frame only when it is late and the read-ahead is low. Every method returns at once and may be
 * called from any thread, the event thread included: the work happens on the player's threads, and
 * {@link PlayerListener}s hear the outcome.
 */
public interface Player extends AutoCloseable {

    /** Opens a file (closing the one before, file or timeline) and shows its first frame. */
    void open(Path file);

    /**
     * Plays a project's timeline instead of a file: each frame is composited through
     * {@link org.tsperf.api.timeline.TimelineRenderer} at the view's size (from proxies when they are on), or read
     * from the rendered preview where {@link org.tsperf.api.timeline.PreviewRenderService} holds the frame's chunk;
     * {@link PlayerState#source()} says which ("Rendered preview" or "Timeline (composited)"). Frames are timeline
     * frames at the project's rate; seeks, steps, shuttle and loops work as on a file.
     *
     * <p>When a timeline is open already (an edit of the project being played, a new {@code Project} of the same
     * timeline), the position, speed and loop are kept and the new pictures are shown from the next frame on;
     * otherwise it opens like a file, paused at frame 0. The timeline plays without sound for now.
     */
    void openProject(org.tsperf.api.timeline.Project project);

    void play();

    void pause();

    /**
     * J/K/L shuttle: plays at {@code speed} times the file's rate (-4, -2, -1 reverse; 1, 2, 4 forward; 0 pauses).
     *
     * @throws IllegalArgumentException for speeds outside -4..4
     */
    void shuttle(int speed);

    /** Shows frame {@code index} (clamped to the file); playing goes on from there. */
    void seek(long index);

    /** Moves by {@code frames} (negative: back) and pauses: the arrow keys. */
    void step(int frames);

    /** Seeks while the user drags the playhead: like {@link #seek}, and tells the cache a scrub is going on. */
    void scrub(long index);

    /** Loops between {@code in} and {@code out} (inclusive frame indexes) while playing forward. */
    void setLoop(long in, long out);

    void clearLoop();

    /** The width the pictures are shown at, in pixels: pictures are scaled to it and the proxy chosen for it. */
    void setViewSize(int width, int height);

    PlayerState state();

    /** The picture on screen now (the last one presented), if any. */
    Optional<Picture> picture();

    void addListener(PlayerListener listener);

    void removeListener(PlayerListener listener);

    /** Stops the threads and releases the decoders. Idempotent. */
    @Override
    void close();
}
