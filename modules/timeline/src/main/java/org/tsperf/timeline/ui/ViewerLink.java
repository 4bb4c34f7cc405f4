package org.tsperf.timeline.ui;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import javax.swing.SwingUtilities;
import org.openide.util.Lookup;
import org.tsperf.api.playback.MediaViewer;
import org.tsperf.api.playback.Picture;
import org.tsperf.api.playback.Player;
import org.tsperf.api.playback.PlayerListener;
import org.tsperf.api.playback.PlayerState;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineDocument;

/**
 * A Timeline window's link to the Viewer ({@link MediaViewer}, absent without the playback module): "Play in Viewer"
 * plays the document's timeline there, edits follow into it, a click on the ruler seeks it, and the Viewer's position
 * comes back as the playhead (on the event thread, at most one update queued at a time).
 */
final class ViewerLink implements PlayerListener {

    private final TimelineDocument document;
    private final LongConsumer playheadMoved;
    private final AtomicLong latest = new AtomicLong(-1);
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile Player player;

    /** @param playheadMoved hears the Viewer's frame on the event thread */
    ViewerLink(TimelineDocument document, LongConsumer playheadMoved) {
        this.document = document;
        this.playheadMoved = playheadMoved;
    }

    /** Event thread: shows the timeline in the Viewer at {@code from}, and plays it when {@code start}. */
    boolean show(long from, boolean start) {
        MediaViewer viewer = Lookup.getDefault().lookup(MediaViewer.class);
        if (viewer == null) {
            return false;
        }
        viewer.showProject(document.project());
        Player p = viewer.player().orElse(null);
        if (p == null) {
            return false;
        }
        attach(p);
        p.seek(from);
        if (start) {
            p.play();
        }
        return true;
    }

    /** Event thread: the space bar. Pauses the Viewer when it plays this timeline, else plays it from the playhead. */
    boolean togglePlay(long playhead) {
        Player p = linked();
        if (p != null && p.state().playing()) {
            p.pause();
            return true;
        }
        return show(playhead, true);
    }

    /** A click on the ruler: the Viewer goes there too, when it shows this timeline. */
    void seek(long frame) {
        Player p = linked();
        if (p != null) {
            p.seek(frame);
        }
    }

    /** Any thread: an edit, undo or redo; the Viewer shows it from its next frame when it plays this timeline. */
    void edited(Project now) {
        MediaViewer viewer = Lookup.getDefault().lookup(MediaViewer.class);
        if (viewer != null && linked() != null) {
            viewer.projectEdited(now);
        }
    }

    /** The window closes: the Viewer goes on alone. */
    void unlink() {
        Player p = player;
        player = null;
        if (p != null) {
            p.removeListener(this);
        }
    }

    /** The Viewer's player while it still shows this window's timeline (closed or given another: null). */
    private Player linked() {
        Player p = player;
        MediaViewer viewer = Lookup.getDefault().lookup(MediaViewer.class);
        if (p == null || viewer == null || viewer.player().orElse(null) != p) {
            return null;
        }
        return p.state().file().isEmpty() ? p : null; // a file opened since: not ours any more
    }

    private void attach(Player p) {
        if (p != player) {
            unlink();
            player = p;
            p.addListener(this);
        }
    }

    @Override
    public void presented(Picture picture) {
        latest.set(picture.index());
        if (queued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(() -> {
                queued.set(false);
                if (linked() != null) {
                    playheadMoved.accept(latest.get());
                }
            });
        }
    }

    @Override
    public void stateChanged(PlayerState state) {
        // the pictures carry the position; nothing else shows here
    }
}
