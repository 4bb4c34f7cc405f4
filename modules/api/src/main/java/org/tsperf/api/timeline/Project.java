package org.tsperf.api.timeline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An editing project: tracks of clips at one frame rate and picture size. Immutable; edits make new projects
 * ({@link TimelineDocument}). Video tracks composite in list order, later ones on top; audio tracks mix.
 *
 * @param name       shown in the window title
 * @param width      pixels, even, 16 to 8192
 * @param height     pixels, even, 16 to 8192
 * @param rate       frames per second
 * @param sampleRate audio samples per second of the mix (48000)
 * @param tracks     video and audio tracks with unique ids
 */
public record Project(String name, int width, int height, FrameRate rate, int sampleRate, List<Track> tracks) {

    public Project {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rate, "rate");
        if (width < 16 || height < 16 || width > 8192 || height > 8192 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("project size must be even, 16 to 8192 pixels: " + width + "x"
                    + height);
        }
        if (sampleRate < 8000 || sampleRate > 192000) {
            throw new IllegalArgumentException("audio sample rate must be 8000 to 192000, not " + sampleRate);
        }
        tracks = List.copyOf(tracks);
    }

    /** An empty project with one video track "V1" and one audio track "A1". */
    public static Project empty(String name, int width, int height, FrameRate rate) {
        return new Project(name, width, height, rate, 48000, List.of(
                new Track("V1", TrackKind.VIDEO, List.of(), List.of()),
                new Track("A1", TrackKind.AUDIO, List.of(), List.of())));
    }

    /** Frames from 0 to the end of the last clip of any track. */
    public long length() {
        return tracks.stream().mapToLong(Track::end).max().orElse(0);
    }

    public Optional<Track> track(String trackId) {
        return tracks.stream().filter(t -> t.id().equals(trackId)).findFirst();
    }

    /** The track that holds a clip. */
    public Optional<Track> trackOf(String clipId) {
        return tracks.stream().filter(t -> t.clip(clipId).isPresent()).findFirst();
    }

    public Optional<Clip> clip(String clipId) {
        return tracks.stream().flatMap(t -> t.clip(clipId).stream()).findFirst();
    }

    public List<Track> videoTracks() {
        return tracks.stream().filter(t -> t.kind() == TrackKind.VIDEO).toList();
    }

    public List<Track> audioTracks() {
        return tracks.stream().filter(t -> t.kind() == TrackKind.AUDIO).toList();
    }
}
