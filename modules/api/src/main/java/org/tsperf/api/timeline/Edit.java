package org.tsperf.api.timeline;

import java.util.List;
import java.util.Objects;

/**
 * One undoable change of a project ({@link TimelineDocument#apply}). An edit that would break the project's rules
 * (an unknown or duplicate id, clips of a track overlapping without a transition, a transition whose clips do not
 * overlap by its length, effects on an audio clip, a move between a video and an audio track) is refused whole. A clip
 * joined by a transition cannot be moved (remove the transition first); a trim of it is refused when it would change
 * the overlap. Whether a clip stays within its source's length is not checked here, since that needs the file probed:
 * whoever makes a clip (a drop, the command line) takes its length from a probe.
 */
public sealed interface Edit {

    /** What the Edit menu says: "Undo " + this. */
    String displayName();

    /** Adds a clip to a track. */
    record AddClip(String trackId, Clip clip) implements Edit {
        public AddClip {
            Objects.requireNonNull(trackId, "trackId");
            Objects.requireNonNull(clip, "clip");
        }

        @Override
        public String displayName() {
            return "Add Clip";
        }
    }

    /** Moves a clip to another start and, when {@code trackId} differs, to another track of the same kind. */
    record MoveClip(String clipId, String trackId, long start) implements Edit {
        public MoveClip {
            Objects.requireNonNull(clipId, "clipId");
            Objects.requireNonNull(trackId, "trackId");
        }

        @Override
        public String displayName() {
            return "Move Clip";
        }
    }

    /** Sets a clip's source in, length and start at once (trimming either end). */
    record TrimClip(String clipId, long sourceIn, long length, long start) implements Edit {
        public TrimClip {
            Objects.requireNonNull(clipId, "clipId");
        }

        @Override
        public String displayName() {
            return "Trim Clip";
        }
    }

    /** Removes a clip and the transitions that touch it. */
    record DeleteClip(String clipId) implements Edit {
        public DeleteClip {
            Objects.requireNonNull(clipId, "clipId");
        }

        @Override
        public String displayName() {
            return "Delete Clip";
        }
    }

    /** Replaces a clip's effects. */
    record SetEffects(String clipId, List<Effect> effects) implements Edit {
        public SetEffects {
            Objects.requireNonNull(clipId, "clipId");
            effects = List.copyOf(effects);
        }

        @Override
        public String displayName() {
            return "Set Effects";
        }
    }

    /**
     * Adds a cross-fade between two neighbouring clips of a track: the later clip and everything after it on that
     * track move earlier by the transition's length so that the two overlap by it.
     */
    record AddTransition(Transition transition) implements Edit {
        public AddTransition {
            Objects.requireNonNull(transition, "transition");
        }

        @Override
        public String displayName() {
            return "Add Transition";
        }
    }

    /** Removes a transition; the later clip and what follows it move back so that the clips meet without overlap. */
    record RemoveTransition(String fromClip, String toClip) implements Edit {
        public RemoveTransition {
            Objects.requireNonNull(fromClip, "fromClip");
            Objects.requireNonNull(toClip, "toClip");
        }

        @Override
        public String displayName() {
            return "Remove Transition";
        }
    }
}
