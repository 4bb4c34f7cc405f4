package org.tsperf.timeline.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.UndoRedo;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.util.lookup.Lookups;
import org.openide.windows.TopComponent;
import org.tsperf.api.timeline.Edit;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.PreviewRenderService.ChunkState;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineDocument;
import org.tsperf.api.timeline.TimelineService;

/**
 * The Timeline: a project's tracks and clips, the playhead, the ruler and above it the preview bar (rendered green,
 * rendering yellow, dirty red, from {@link PreviewRenderService} when a module provides it). Files dropped on it become
 * clips; Edit &gt; Undo and Redo walk the document's history. The document is in the window's Lookup.
 */
@TopComponent.Description(preferredID = TimelineTopComponent.ID, persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 60)
@ActionID(category = "Window", id = "org.tsperf.timeline.ui.TimelineTopComponent")
@ActionReference(path = "Menu/Window", position = 60)
@TopComponent.OpenActionRegistration(displayName = "#CTL_TimelineAction", preferredID = TimelineTopComponent.ID)
@Messages({
    "CTL_TimelineAction=Timeline",
    "CTL_TimelineTopComponent=Timeline",
    "HINT_TimelineTopComponent=Tracks and clips of the project: drop media files here; Delete removes the selected clip",
    "Timeline_untitled=Untitled",
    "Timeline_empty=Drop media files here to add clips",
    "# {0} - project name",
    "# {1} - clips",
    "# {2} - length as H:MM:SS:FF",
    "# {3} - playhead as H:MM:SS:FF",
    "Timeline_summary={0}: {1} clips, {2}   playhead {3}",
    "Timeline_playInViewer=Play in Viewer",
    "Timeline_playInViewerTip=Plays the timeline in the Viewer from the playhead (Space in the Timeline)",
    "Timeline_noViewer=The Viewer is missing: install the Playback module (Tools > Plugins)"
})
public final class TimelineTopComponent extends TopComponent {

    static final String ID = "TimelineTopComponent";
    private static final Logger LOG = Logger.getLogger(TimelineTopComponent.class.getName());

    private final TimelineDocument document;
    private final DocumentUndoRedo undoRedo;
    /** Probing dropped files and telling the preview renderer about edits: never on the event thread. */
    private final RequestProcessor worker = new RequestProcessor("tsperf-timeline", 1);
    private final TimelineView view;
    private final ViewerLink viewer;
    private final JLabel status = new JLabel(" ");
    private final Consumer<Project> onEdit = this::edited;
    private final Consumer<List<ChunkState>> onStates = this::statesChanged;
    /** Read on the threads that edit the document, set on the event thread. */
    private volatile PreviewRenderService preview;
    private long playhead;
    private String selected;
    private String message;

    public TimelineTopComponent() {
        this(Lookup.getDefault().lookup(TimelineService.class).create(Project.empty(Bundle.Timeline_untitled(), 1920,
                1080, new FrameRate(30000, 1001))));
    }

    /** A window for a project opened or made with File &gt; Open Project or New Project. */
    public TimelineTopComponent(TimelineDocument document) {
        this.document = document;
        setName(document.file().map(f -> f.getFileName().toString()).orElse(Bundle.CTL_TimelineTopComponent()));
        setToolTipText(Bundle.HINT_TimelineTopComponent());
        viewer = new ViewerLink(document, this::followViewer);
        undoRedo = new DocumentUndoRedo(document);
        associateLookup(Lookups.fixed(document));
        view = new TimelineView(this::seek, this::select,
                (e, clip) -> ClipMenu.menu(document, clip, this::say).show(e.getComponent(), e.getX(), e.getY()),
                this::move);
        view.setTransferHandler(new ClipDrop(document, worker, view, () -> playhead, this::say));
        setTransferHandler(view.getTransferHandler());
        status.setName("status");
        status.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
        setLayout(new BorderLayout());
        add(view, BorderLayout.CENTER);
        add(status, BorderLayout.SOUTH);
        add(toolbar(), BorderLayout.NORTH);
        keys();
        refresh();
    }

    private JComponent toolbar() {
        JButton play = new JButton(Bundle.Timeline_playInViewer());
        play.setName("playInViewer");
        play.setToolTipText(Bundle.Timeline_playInViewerTip());
        play.setFocusable(false);
        play.addActionListener(e -> playInViewer(false));
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEADING, 4, 2));
        bar.add(play);
        return bar;
    }

    /** Shows the timeline in the Viewer at the playhead; {@code toggle}: the space bar (play or pause). */
    private void playInViewer(boolean toggle) {
        userActive();
        boolean shown = toggle ? viewer.togglePlay(playhead) : viewer.show(playhead, true);
        if (!shown) {
            say(Bundle.Timeline_noViewer());
        }
    }

    /** The Viewer's position, on the event thread: the playhead follows it. */
    private void followViewer(long frame) {
        long at = Math.min(frame, Math.max(0, document.project().length()));
        if (at != playhead) {
            playhead = at;
            refresh();
        }
    }

    /** Event thread: the project was written to {@code file}. */
    void saved(java.nio.file.Path file, String text) {
        setName(file.getFileName().toString());
        say(text);
    }

    long playhead() {
        return playhead;
    }

    /** The project being edited (for tests and other windows, which may also find it in the Lookup). */
    public TimelineDocument document() {
        return document;
    }

    TimelineView view() {
        return view;
    }

    String statusText() {
        return status.getText();
    }

    @Override
    public UndoRedo getUndoRedo() {
        return undoRedo;
    }

    @Override
    protected void componentOpened() {
        document.addListener(onEdit);
        preview = Lookup.getDefault().lookup(PreviewRenderService.class);
        if (preview != null) {
            PreviewRenderService p = preview;
            p.addListener(onStates);
            Project now = document.project();
            worker.post(() -> track(p, now));
        }
        refresh();
    }

    @Override
    protected void componentClosed() {
        document.removeListener(onEdit);
        viewer.unlink();
        PreviewRenderService p = preview;
        preview = null;
        if (p != null) {
            p.removeListener(onStates);
            worker.post(() -> track(p, null));
        }
    }

    /**
     * Keys while the focus is inside this window only (a Delete in another window must not remove a clip here). The
     * application binds no global Ctrl+Z, so the window binds its own undo and redo keys.
     */
    private void keys() {
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0), "playInViewer", () -> playInViewer(true));
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_DELETE, 0), "deleteClip", () -> {
            if (selected != null && document.project().clip(selected).isPresent()) {
                document.apply(new Edit.DeleteClip(selected));
                selected = null;
            }
        });
        Runnable undo = () -> {
            if (document.canUndo()) {
                document.undo();
            }
        };
        Runnable redo = () -> {
            if (document.canRedo()) {
                document.redo();
            }
        };
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK), "undo", undo);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_Y, InputEvent.CTRL_DOWN_MASK), "redo", redo);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK), "redo",
                redo);
    }

    private void bind(KeyStroke key, String name, Runnable action) {
        getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(key, name);
        getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
    }

    /** Any thread: a new project after an edit, undo or redo. */
    private void edited(Project now) {
        viewer.edited(now);
        PreviewRenderService p = preview;
        if (p != null) {
            worker.post(() -> track(p, now));
        }
        SwingUtilities.invokeLater(this::refresh);
    }

    private static void track(PreviewRenderService p, Project project) {
        try {
            p.track(project);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the preview renderer refused the project; the bar above the ruler stays as it was",
                    e);
        }
    }

    /** Any thread: the renderer's chunk states. */
    private void statesChanged(List<ChunkState> states) {
        SwingUtilities.invokeLater(() -> view.showStates(states));
    }

    private void seek(long frame) {
        playhead = Math.min(frame, Math.max(0, document.project().length()));
        viewer.seek(playhead);
        userActive();
        refresh();
    }

    private void select(String clipId) {
        selected = clipId;
        userActive();
        refresh();
    }

    /** A clip dragged: the edit, or the reason it was refused in the status line. */
    private void move(String clipId, String trackId, long start) {
        userActive();
        try {
            document.apply(new Edit.MoveClip(clipId, trackId, start));
        } catch (IllegalArgumentException refused) {
            say(refused.getMessage());
        }
    }

    private void userActive() {
        PreviewRenderService p = preview;
        if (p != null) {
            worker.post(p::userActive);
        }
    }

    /** Any thread: a message for the status line (a drop's result); the next edit's summary replaces it. */
    private void say(String text) {
        SwingUtilities.invokeLater(() -> {
            message = text;
            refresh();
        });
    }

    private void refresh() {
        Project p = document.project();
        view.show(p, playhead, selected);
        long clips = p.tracks().stream().mapToLong(t -> t.clips().size()).sum();
        String summary = clips == 0 ? Bundle.Timeline_empty()
                : Bundle.Timeline_summary(p.name(), clips, timecode(p.length(), p.rate()), timecode(playhead, p.rate()));
        status.setText(message != null ? message + "   \u2014   " + summary : summary);
        message = null;
    }

    /** H:MM:SS:FF at the project's rate (whole frames of the rounded rate). */
    static String timecode(long frame, FrameRate rate) {
        int fps = (int) Math.round(rate.fps());
        long seconds = frame / fps;
        return String.format("%d:%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60, frame % fps);
    }
}
