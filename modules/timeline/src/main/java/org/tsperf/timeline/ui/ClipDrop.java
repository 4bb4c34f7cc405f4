package org.tsperf.timeline.ui;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.TransferHandler;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Edit;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineDocument;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;

/**
 * Files dropped on the Timeline become clips: each is probed for its length off the event thread, then added to the
 * first video track (the first audio track for sound only) at the dropped frame when it fits there, else after the
 * track's last clip. One edit per file, so each can be undone.
 */
@Messages({
    "Drop_noProbe=Cannot add clips: the Media Core module, which reads their length, is not installed (Tools > Plugins)",
    "# {0} - file name",
    "# {1} - what is wrong",
    "Drop_failed=Cannot add {0}: {1}",
    "# {0} - file name",
    "Drop_noLength=Cannot add {0}: its length is unknown (no duration in the file); convert it with ffmpeg first",
    "# {0} - file name",
    "# {1} - track kind",
    "Drop_noTrack=Cannot add {0}: the project has no {1} track",
    "# {0} - file name",
    "# {1} - frames",
    "Drop_added=Added {0} ({1} frames)"
})
final class ClipDrop extends TransferHandler {

    private static final Logger LOG = Logger.getLogger(ClipDrop.class.getName());

    private final TimelineDocument document;
    private final RequestProcessor worker;
    private final TimelineView view;
    private final LongSupplier playhead;
    private final Consumer<String> status;

    /** @param status hears what happened, in words, on the worker thread */
    ClipDrop(TimelineDocument document, RequestProcessor worker, TimelineView view, LongSupplier playhead,
            Consumer<String> status) {
        this.document = document;
        this.worker = worker;
        this.view = view;
        this.playhead = playhead;
        this.status = status;
    }

    @Override
    public boolean canImport(TransferSupport support) {
        return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
    }

    @Override
    public boolean importData(TransferSupport support) {
        if (!canImport(support)) {
            return false;
        }
        List<Path> files;
        try {
            @SuppressWarnings("unchecked")
            List<File> list = (List<File>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
            files = list.stream().map(File::toPath).toList();
        } catch (UnsupportedFlavorException | IOException e) {
            LOG.log(Level.INFO, "a drop on the Timeline gave no file list", e);
            return false;
        }
        // a paste has no drop point: clips go to the playhead
        long frame = support.isDrop() ? view.frameAt(support.getDropLocation().getDropPoint().x) : playhead.getAsLong();
        worker.post(() -> addAll(files, frame));
        return !files.isEmpty();
    }

    /** On the worker thread: probes each file (reading it) and adds it. */
    void addAll(List<Path> files, long frame) {
        MediaProbe probe = Lookup.getDefault().lookup(MediaProbe.class);
        if (probe == null) {
            status.accept(Bundle.Drop_noProbe());
            return;
        }
        long at = frame;
        for (Path file : files) {
            String name = String.valueOf(file.getFileName());
            try {
                MediaInfo info = probe.probe(file.toAbsolutePath());
                Project p = document.project();
                long frames = (long) Math.floor(seconds(info) * p.rate().fps() + 1e-6);
                if (frames < 1) {
                    status.accept(Bundle.Drop_noLength(name));
                    continue;
                }
                TrackKind kind = info.mainVideo().isPresent() ? TrackKind.VIDEO : TrackKind.AUDIO;
                Track track = p.tracks().stream().filter(t -> t.kind() == kind).findFirst().orElse(null);
                if (track == null) {
                    status.accept(Bundle.Drop_noTrack(name, kind == TrackKind.VIDEO ? "video" : "audio"));
                    continue;
                }
                long start = fits(track, at, frames) ? at : track.end();
                document.apply(new Edit.AddClip(track.id(), new Clip(uniqueId(p, file), file.toAbsolutePath(),
                        0, frames, start, List.of())));
                at = start + frames;
                status.accept(Bundle.Drop_added(name, frames));
            } catch (MediaException | IllegalArgumentException e) {
                LOG.log(Level.INFO, "cannot add " + file + " to the timeline", e);
                status.accept(Bundle.Drop_failed(name, e.getMessage()));
            }
        }
    }

    /** The picture's duration: the video stream's (the container's may run on with sound), else the container's. */
    static double seconds(MediaInfo info) {
        return info.mainVideo().map(v -> v.durationSeconds() > 0 ? v.durationSeconds()
                : v.frameCount() > 0 && v.frameRate() > 0 ? v.frameCount() / v.frameRate() : 0.0)
                .filter(s -> s > 0).orElse(info.durationSeconds());
    }

    private static boolean fits(Track track, long start, long frames) {
        return track.clips().stream().noneMatch(c -> c.start() < start + frames && c.end() > start);
    }

    /** The file's name without its extension, made unique in the project ("car", "car-2"). */
    static String uniqueId(Project p, Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("\\p{Cntrl}", "");
        base = base.isEmpty() ? "clip" : base.substring(0, Math.min(56, base.length()));
        String id = base;
        for (int n = 2; p.clip(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
