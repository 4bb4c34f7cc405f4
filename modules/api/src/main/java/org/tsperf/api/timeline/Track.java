package org.tsperf.api.timeline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One track: clips in timeline order that do not overlap, except the pairs a {@link Transition} joins, which overlap by
 * its length.
 *
 * @param id          unique within the project ("V1", "A1")
 * @param kind        pictures or sound
 * @param clips       sorted by start
 * @param transitions between clips of this track
 */
public record Track(String id, TrackKind kind, List<Clip> clips, List<Transition> transitions) {

    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (id.isEmpty() || id.length() > 64) {
            throw new IllegalArgumentException("a track id must be 1 to 64 characters: " + id);
        }
        clips = clips.stream().sorted((a, b) -> Long.compare(a.start(), b.start())).toList();
        transitions = List.copyOf(transitions);
    }

    public Optional<Clip> clip(String clipId) {
        return clips.stream().filter(c -> c.id().equals(clipId)).findFirst();
    }

    /** The timeline frame after the last clip's last frame (0 when empty). */
    public long end() {
        return clips.stream().mapToLong(Clip::end).max().orElse(0);
    }
}
