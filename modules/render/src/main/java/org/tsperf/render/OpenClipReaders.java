package org.tsperf.render;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Project;

/**
 * The clip readers a compositor holds open, one per clip id: opened at the clip's first frame asked for, closed once
 * the timeline has moved out of the clip (a decoder holds native memory). Not thread-safe: one compositor's thread.
 */
final class OpenClipReaders implements AutoCloseable {

    private final Project project;
    private final CompositePictures.Opener opener;
    private final Map<String, ClipReader> readers = new HashMap<>();

    OpenClipReaders(Project project, CompositePictures.Opener opener) {
        this.project = project;
        this.opener = opener;
    }

    /** The clip's reader, opened now if it is not open. */
    ClipReader of(Clip clip) throws MediaException {
        ClipReader r = readers.get(clip.id());
        if (r == null) {
            r = opener.open(clip);
            readers.put(clip.id(), r);
        }
        return r;
    }

    /** Closes the readers of clips that end at or before {@code frame}, or start after it. */
    void closeEnded(long frame) {
        for (Iterator<Map.Entry<String, ClipReader>> it = readers.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, ClipReader> e = it.next();
            Optional<Clip> c = project.clip(e.getKey());
            if (c.isEmpty() || frame >= c.get().end() || frame < c.get().start()) {
                e.getValue().close();
                it.remove();
            }
        }
    }

    @Override
    public void close() {
        readers.values().forEach(ClipReader::close);
        readers.clear();
    }
}
