package org.tsperf.api.playback;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a player is doing, as one immutable snapshot.
 *
 * @param status     where it is
 * @param file       the file opened (the original), empty when none or when a timeline plays
 * @param source     what is read, in words: "Proxy Quarter (960x540)" or "Original (3840x2160)" for a file, "Rendered
 *                   preview" or "Timeline (composited)" for the frame of a timeline on screen; empty when none
 * @param readPath   the file actually decoded (a proxy or the original); empty for a timeline
 * @param decoder    the decoder in words, e.g. "h264, software, 2 threads"
 * @param frame      the frame on screen
 * @param frameCount frames in the file (in the timeline)
 * @param frameRate  the file's (the project's) frames per second
 * @param speed      -4..4, 0 when paused
 * @param loopIn     first frame of the loop, -1 without a loop
 * @param loopOut    last frame of the loop, -1 without a loop
 * @param counters   delivery figures since the file was opened
 * @param message    why it failed, or what it is doing ("Opening clip.mp4..."); empty otherwise
 */
public record PlayerState(Status status, Optional<Path> file, String source, Optional<Path> readPath, String decoder,
        long frame, long frameCount, double frameRate, int speed, long loopIn, long loopOut,
        PlaybackCounters counters, String message) {

    /** Where a player is. */
    public enum Status { EMPTY, OPENING, READY, FAILED }

    public PlayerState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(readPath, "readPath");
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(message, "message");
    }

    public static PlayerState empty() {
        return new PlayerState(Status.EMPTY, Optional.empty(), "", Optional.empty(), "", 0, 0, 0, 0, -1, -1,
                PlaybackCounters.NONE, "");
    }

    public boolean playing() {
        return speed != 0;
    }

    public boolean hasLoop() {
        return loopIn >= 0;
    }

    /** The frame's time as a timecode HH:MM:SS:FF at the file's rate (rounded to whole frames per second). */
    public String timecode() {
        return Timecode.of(frame, frameRate);
    }
}
