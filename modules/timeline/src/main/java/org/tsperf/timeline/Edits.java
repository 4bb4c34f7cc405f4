package org.tsperf.timeline;

import java.util.ArrayList;
import java.util.List;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Edit;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;

/**
 * Applies an edit to a project as a pure function: the new project, or an IllegalArgumentException that says why the
 * edit cannot be made (the old project is untouched, being immutable). Every result passes {@link ProjectRules}.
 */
final class Edits {

    private Edits() {
    }

    static Project apply(Project project, Edit edit) {
        String what = "cannot " + edit.displayName().toLowerCase() + ": ";
        Project next;
        try {
            next = make(project, edit);
            ProjectRules.check(next);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            throw new IllegalArgumentException(msg.startsWith("cannot ") ? msg : what + msg, e);
        }
        return next;
    }

    // Java 17 has no pattern matching for switch: one test per sealed case
    private static Project make(Project p, Edit edit) {
        if (edit instanceof Edit.AddClip e) {
            return addClip(p, e);
        } else if (edit instanceof Edit.MoveClip e) {
            return moveClip(p, e);
        } else if (edit instanceof Edit.TrimClip e) {
            return trimClip(p, e);
        } else if (edit instanceof Edit.DeleteClip e) {
            return deleteClip(p, e);
        } else if (edit instanceof Edit.SetEffects e) {
            return setEffects(p, e);
        } else if (edit instanceof Edit.AddTransition e) {
            return addTransition(p, e.transition());
        } else if (edit instanceof Edit.RemoveTransition e) {
            return removeTransition(p, e);
        }
        throw new IllegalArgumentException("unknown edit " + edit);
    }

    private static Project addClip(Project p, Edit.AddClip e) {
        Track track = track(p, e.trackId());
        if (p.clip(e.clip().id()).isPresent()) {
            throw new IllegalArgumentException("cannot add clip \"" + e.clip().id()
                    + "\": the project already has a clip with that id");
        }
        List<Clip> clips = new ArrayList<>(track.clips());
        clips.add(e.clip());
        return with(p, new Track(track.id(), track.kind(), clips, track.transitions()));
    }

    private static Project moveClip(Project p, Edit.MoveClip e) {
        Track from = trackOf(p, e.clipId());
        Clip clip = from.clip(e.clipId()).orElseThrow();
        Track to = track(p, e.trackId());
        if (to.kind() != from.kind()) {
            throw new IllegalArgumentException("cannot move clip \"" + e.clipId() + "\" from " + kind(from)
                    + " track " + from.id() + " to " + kind(to) + " track " + to.id());
        }
        boolean changes = !to.id().equals(from.id()) || clip.start() != e.start();
        List<Transition> joined = ProjectRules.transitionsOf(from, e.clipId());
        if (changes && !joined.isEmpty()) {
            Transition t = joined.get(0);
            throw new IllegalArgumentException("cannot move clip \"" + e.clipId() + "\": a transition joins it to \""
                    + (t.fromClip().equals(e.clipId()) ? t.toClip() : t.fromClip())
                    + "\"; remove the transition first");
        }
        Clip moved = clip.withStart(e.start());
        if (to.id().equals(from.id())) {
            return with(p, replace(from, clip.id(), moved));
        }
        Project without = with(p, remove(from, clip.id()));
        List<Clip> clips = new ArrayList<>(to.clips());
        clips.add(moved);
        return with(without, new Track(to.id(), to.kind(), clips, to.transitions()));
    }

    private static Project trimClip(Project p, Edit.TrimClip e) {
        Track track = trackOf(p, e.clipId());
        Clip c = track.clip(e.clipId()).orElseThrow();
        // the overlap rule then refuses a trim that would change a transition's overlap
        Clip trimmed = new Clip(c.id(), c.source(), e.sourceIn(), e.length(), e.start(), c.effects());
        return with(p, replace(track, c.id(), trimmed));
    }

    private static Project deleteClip(Project p, Edit.DeleteClip e) {
        return with(p, remove(trackOf(p, e.clipId()), e.clipId()));
    }

    private static Project setEffects(Project p, Edit.SetEffects e) {
        Track track = trackOf(p, e.clipId());
        if (track.kind() != TrackKind.VIDEO && !e.effects().isEmpty()) {
            throw new IllegalArgumentException("cannot set effects on clip \"" + e.clipId() + "\": it is on audio "
                    + "track " + track.id() + " and effects apply to video clips only");
        }
        Clip c = track.clip(e.clipId()).orElseThrow();
        return with(p, replace(track, c.id(), c.withEffects(e.effects())));
    }

    private static Project addTransition(Project p, Transition t) {
        Track track = trackOf(p, t.fromClip());
        Clip from = track.clip(t.fromClip()).orElseThrow();
        Clip to = track.clip(t.toClip()).orElseThrow(() -> new IllegalArgumentException("cannot add transition: clip \""
                + t.toClip() + "\" is not on track " + track.id() + " with \"" + t.fromClip() + "\""));
        if (to.start() != from.end()) {
            throw new IllegalArgumentException("cannot add transition: \"" + t.toClip() + "\" must start where \""
                    + t.fromClip() + "\" ends (frame " + from.end() + "), but starts at frame " + to.start()
                    + "; move it there first");
        }
        Track shifted = shiftFrom(track, to.start(), -t.length());
        List<Transition> transitions = new ArrayList<>(shifted.transitions());
        transitions.add(t);
        return with(p, new Track(track.id(), track.kind(), shifted.clips(), transitions));
    }

    private static Project removeTransition(Project p, Edit.RemoveTransition e) {
        Track track = ProjectRules.trackWithTransition(p, e.fromClip(), e.toClip())
                .orElseThrow(() -> new IllegalArgumentException("cannot remove transition: no transition joins \""
                        + e.fromClip() + "\" to \"" + e.toClip() + "\""));
        Transition t = track.transitions().stream()
                .filter(x -> x.fromClip().equals(e.fromClip()) && x.toClip().equals(e.toClip()))
                .findFirst().orElseThrow();
        Clip to = track.clip(e.toClip()).orElseThrow();
        List<Transition> rest = new ArrayList<>(track.transitions());
        rest.remove(t);
        Track without = new Track(track.id(), track.kind(), track.clips(), rest);
        return with(p, shiftFrom(without, to.start(), t.length()));
    }

    /** Moves every clip of a track that starts at or after {@code frame} by {@code delta} frames. */
    private static Track shiftFrom(Track track, long frame, long delta) {
        List<Clip> clips = track.clips().stream()
                .map(c -> c.start() >= frame ? c.withStart(c.start() + delta) : c).toList();
        return new Track(track.id(), track.kind(), clips, track.transitions());
    }

    private static Track remove(Track track, String clipId) {
        List<Clip> clips = track.clips().stream().filter(c -> !c.id().equals(clipId)).toList();
        List<Transition> transitions = track.transitions().stream()
                .filter(t -> !t.fromClip().equals(clipId) && !t.toClip().equals(clipId)).toList();
        return new Track(track.id(), track.kind(), clips, transitions);
    }

    private static Track replace(Track track, String clipId, Clip clip) {
        List<Clip> clips = track.clips().stream().map(c -> c.id().equals(clipId) ? clip : c).toList();
        return new Track(track.id(), track.kind(), clips, track.transitions());
    }

    private static Project with(Project p, Track track) {
        List<Track> tracks = p.tracks().stream().map(t -> t.id().equals(track.id()) ? track : t).toList();
        return new Project(p.name(), p.width(), p.height(), p.rate(), p.sampleRate(), tracks);
    }

    private static Track track(Project p, String trackId) {
        return p.track(trackId).orElseThrow(() -> new IllegalArgumentException("there is no track \"" + trackId
                + "\" in project " + p.name()));
    }

    private static Track trackOf(Project p, String clipId) {
        return p.trackOf(clipId).orElseThrow(() -> new IllegalArgumentException("there is no clip \"" + clipId
                + "\" in project " + p.name()));
    }

    private static String kind(Track t) {
        return t.kind() == TrackKind.VIDEO ? "video" : "audio";
    }
}
