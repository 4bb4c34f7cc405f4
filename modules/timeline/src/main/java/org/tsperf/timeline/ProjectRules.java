package org.tsperf.timeline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;

/**
 * The rules a whole project keeps, beyond what each record checks by itself: unique ids, clips of a track that do not
 * overlap except where a transition joins them by exactly its length, effects on video clips only. Both the project
 * file reader and every edit use them, so a project that breaks them is never loaded nor made.
 */
final class ProjectRules {

    private ProjectRules() {
    }

    /** A broken rule, with the track and clip it is about (null where it is about the project). */
    static final class Violation extends IllegalArgumentException {

        private final String trackId;
        private final String clipId;

        Violation(String trackId, String clipId, String message) {
            super(message);
            this.trackId = trackId;
            this.clipId = clipId;
        }

        String trackId() {
            return trackId;
        }

        String clipId() {
            return clipId;
        }
    }

    /** @throws Violation for the first rule the project breaks */
    static void check(Project project) {
        Set<String> trackIds = new HashSet<>();
        Set<String> clipIds = new HashSet<>();
        for (Track track : project.tracks()) {
            if (!trackIds.add(track.id())) {
                throw new Violation(track.id(), null, "two tracks have the id \"" + track.id()
                        + "\"; give each track its own id");
            }
            for (Clip clip : track.clips()) {
                if (!clipIds.add(clip.id())) {
                    throw new Violation(track.id(), clip.id(), "two clips have the id \"" + clip.id()
                            + "\"; give each clip its own id");
                }
                if (track.kind() == TrackKind.AUDIO && !clip.effects().isEmpty()) {
                    throw new Violation(track.id(), clip.id(), "clip \"" + clip.id() + "\" on audio track "
                            + track.id() + " has effects; effects apply to video clips only");
                }
            }
            checkTransitions(track);
            checkOverlaps(track);
        }
    }

    private static void checkTransitions(Track track) {
        Set<String> froms = new HashSet<>();
        Set<String> tos = new HashSet<>();
        for (Transition t : track.transitions()) {
            String name = "transition " + t.fromClip() + " \u2192 " + t.toClip() + " on track " + track.id();
            Clip from = clipOn(track, t.fromClip(), name);
            Clip to = clipOn(track, t.toClip(), name);
            if (!froms.add(t.fromClip()) || !tos.add(t.toClip())) {
                throw new Violation(track.id(), t.fromClip(), name + ": a clip can fade out into one clip and in from "
                        + "one clip only; remove the other transition");
            }
            if (t.length() >= from.length() || t.length() >= to.length()) {
                throw new Violation(track.id(), t.toClip(), name + ": its length of " + t.length()
                        + " frames must be shorter than both clips (" + from.length() + " and " + to.length()
                        + " frames)");
            }
            long wanted = from.end() - t.length();
            if (to.start() != wanted) {
                throw new Violation(track.id(), t.toClip(), name + ": the clips must overlap by its length of "
                        + t.length() + " frames (" + t.toClip() + " starting at frame " + wanted + "), but "
                        + t.toClip() + " starts at frame " + to.start());
            }
        }
    }

    private static Clip clipOn(Track track, String clipId, String name) {
        return track.clip(clipId).orElseThrow(() -> new Violation(track.id(), null, name + ": there is no clip \""
                + clipId + "\" on this track"));
    }

    private static void checkOverlaps(Track track) {
        Map<String, Transition> byFrom = new HashMap<>();
        for (Transition t : track.transitions()) {
            byFrom.put(t.fromClip(), t);
        }
        List<Clip> clips = track.clips();
        for (int i = 0; i < clips.size(); i++) {
            Clip a = clips.get(i);
            for (int j = i + 1; j < clips.size() && clips.get(j).start() < a.end(); j++) {
                Clip b = clips.get(j);
                Transition t = byFrom.get(a.id());
                if (t == null || !t.toClip().equals(b.id())) {
                    throw new Violation(track.id(), b.id(), "clips \"" + a.id() + "\" and \"" + b.id() + "\" of track "
                            + track.id() + " overlap at frames " + b.start() + " to " + Math.min(a.end(), b.end())
                            + " without a transition between them; move one or add a transition");
                }
            }
        }
    }

    /** The transitions of a track that touch a clip. */
    static List<Transition> transitionsOf(Track track, String clipId) {
        return track.transitions().stream()
                .filter(t -> t.fromClip().equals(clipId) || t.toClip().equals(clipId)).toList();
    }

    /** The track and transition joining two clips, if any. */
    static Optional<Track> trackWithTransition(Project project, String fromClip, String toClip) {
        return project.tracks().stream().filter(tr -> tr.transitions().stream()
                .anyMatch(t -> t.fromClip().equals(fromClip) && t.toClip().equals(toClip))).findFirst();
    }
}
