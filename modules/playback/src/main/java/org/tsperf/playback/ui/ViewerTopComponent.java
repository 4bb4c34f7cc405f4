package org.tsperf.playback.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.ActionEvent;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.KeyEvent;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.InputMap;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.TopComponent;
import org.tsperf.api.playback.Picture;
import org.tsperf.api.playback.PlaybackCounters;
import org.tsperf.api.playback.PlaybackService;
import org.tsperf.api.playback.Player;
import org.tsperf.api.playback.PlayerListener;
import org.tsperf.api.playback.PlayerOptions;
import org.tsperf.api.playback.PlayerState;
import org.tsperf.api.timeline.Project;

/**
 * The Viewer: the picture, transport buttons, J/K/L shuttle, arrow keys for frame steps, Home/End, I/O for the
 * loop, a scrub bar with the timecode, the proxy/original indicator and an optional overlay of delivered fps,
 * dropped and late frames. The player works on its own threads; this window only renders what it reports.
 */
@ConvertAsProperties(dtd = "-//org.tsperf.playback.ui//Viewer//EN", autostore = false)
@TopComponent.Description(preferredID = ViewerTopComponent.ID, persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "editor", openAtStartup = true, position = 50)
@ActionID(category = "Window", id = "org.tsperf.playback.ui.ViewerTopComponent")
@ActionReference(path = "Menu/Window", position = 50)
@TopComponent.OpenActionRegistration(displayName = "#CTL_ViewerAction", preferredID = ViewerTopComponent.ID)
@Messages({
    "CTL_ViewerAction=Viewer",
    "CTL_ViewerTopComponent=Viewer",
    "HINT_ViewerTopComponent=Plays media: J/K/L shuttle, arrows step, Home/End, I/O set the loop",
    "Viewer_empty=Open a clip: File > Open Media, or drop a file here",
    "Viewer_noPlayback=The playback engine is missing: install the Playback module (Tools > Plugins)",
    "Viewer_overlay=Overlay",
    "Viewer_loop=Loop",
    "Viewer_playPauseTip=Play / pause (Space, K stops)",
    "Viewer_loopTip=Loop between the in and out points while playing",
    "Viewer_overlayTip=Show delivered fps, dropped and late frames on the picture",
    "# {0} - delivered fps, {1} - the file's rate, {2} - dropped, {3} - late, {4} - speed, {5} - decoder",
    "Viewer_figures={0} fps of {1}   {2} dropped   {3} late   speed {4}x   {5}",
    "# {0} - delivered fps, {1} - dropped, {2} - late",
    "Viewer_overlayFigures={0} fps  {1} dropped  {2} late"
})
public final class ViewerTopComponent extends TopComponent {

    static final String ID = "ViewerTopComponent";
    private static final Logger LOG = Logger.getLogger(ViewerTopComponent.class.getName());

    private final PictureView view = new PictureView();
    private final JSlider scrubBar = new JSlider(0, 0, 0);
    private final JLabel timecode = named(new JLabel("00:00:00:00"), "timecode");
    private final JLabel source = named(new JLabel(" "), "source");
    private final JLabel figures = named(new JLabel(" "), "figures");
    private final JCheckBox overlay = named(new JCheckBox(Bundle.Viewer_overlay()), "overlay");
    private final JCheckBox loop = named(new JCheckBox(Bundle.Viewer_loop()), "loop");
    private final JButton playPause = named(new JButton("\u25B6"), "playPause");
    /** Set while the scrub bar follows the player, so its change is not taken for the user's. */
    private boolean following;
    private final AtomicBoolean stateRefreshQueued = new AtomicBoolean();
    private long loopIn = -1;
    private long loopOut = -1;
    private volatile Player player;
    /** Whether the player shows a timeline: the Timeline's edits follow into it then. */
    private volatile boolean showsTimeline;
    private volatile PlayerState state = PlayerState.empty();

    public ViewerTopComponent() {
        setName(Bundle.CTL_ViewerTopComponent());
        setToolTipText(Bundle.HINT_ViewerTopComponent());
        setLayout(new BorderLayout());
        add(view, BorderLayout.CENTER);
        add(controls(), BorderLayout.SOUTH);
        view.setMessage(Bundle.Viewer_empty());
        keys();
        setTransferHandler(new FileDrop());
        view.setTransferHandler(getTransferHandler());
        view.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                Player p = player;
                if (p != null) {
                    p.setViewSize(view.getWidth(), view.getHeight());
                }
            }
        });
    }

    private static <T extends JComponent> T named(T c, String name) {
        c.setName(name);
        return c;
    }

    private JComponent controls() {
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.CENTER, 4, 2));
        buttons.add(button("|\u25C0", "home", Bundle.CTL_Home(), () -> player().seek(0)));
        buttons.add(button("\u25C0\u25C0", "reverse", Bundle.CTL_ShuttleBack(), this::shuttleBack));
        buttons.add(button("\u25C1|", "stepBack", Bundle.CTL_StepBack(), () -> player().step(-1)));
        playPause.setToolTipText(Bundle.Viewer_playPauseTip());
        playPause.addActionListener(e -> togglePlay());
        buttons.add(playPause);
        buttons.add(button("|\u25B7", "stepForward", Bundle.CTL_StepForward(), () -> player().step(1)));
        buttons.add(button("\u25B6\u25B6", "forward", Bundle.CTL_ShuttleForward(), this::shuttleForward));
        buttons.add(button("\u25B6|", "end", Bundle.CTL_End(), () -> player().seek(state.frameCount() - 1)));
        buttons.add(button("I", "markIn", Bundle.CTL_MarkIn(), this::markIn));
        buttons.add(button("O", "markOut", Bundle.CTL_MarkOut(), this::markOut));
        loop.setToolTipText(Bundle.Viewer_loopTip());
        loop.addActionListener(e -> applyLoop());
        buttons.add(loop);
        overlay.setToolTipText(Bundle.Viewer_overlayTip());
        overlay.addActionListener(e -> refreshFigures());
        buttons.add(overlay);

        scrubBar.setName("scrubBar");
        scrubBar.setFocusable(false);
        scrubBar.addChangeListener(e -> {
            if (!following && player != null) {
                if (scrubBar.getValueIsAdjusting()) {
                    player.scrub(scrubBar.getValue());
                } else {
                    player.seek(scrubBar.getValue());
                }
            }
        });
        JPanel bar = new JPanel(new BorderLayout(8, 0));
        bar.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
        timecode.setFont(timecode.getFont().deriveFont(java.awt.Font.BOLD));
        bar.add(timecode, BorderLayout.WEST);
        bar.add(scrubBar, BorderLayout.CENTER);
        bar.add(source, BorderLayout.EAST);

        JPanel south = new JPanel(new BorderLayout());
        south.add(bar, BorderLayout.NORTH);
        south.add(buttons, BorderLayout.CENTER);
        figures.setBorder(BorderFactory.createEmptyBorder(0, 8, 2, 8));
        south.add(figures, BorderLayout.SOUTH);
        return south;
    }

    private JButton button(String text, String name, String tip, Runnable action) {
        JButton b = named(new JButton(text), name);
        b.setToolTipText(tip);
        b.setFocusable(false);
        b.addActionListener(e -> {
            if (player != null && state.status() == PlayerState.Status.READY) {
                action.run();
            }
        });
        return b;
    }

    private void keys() {
        InputMap in = getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT);
        // the same keys as the Playback menu's callback actions (PlaybackActions)
        bind(in, KeyEvent.VK_SPACE, PlaybackActions.PLAY_PAUSE, this::togglePlay);
        bind(in, KeyEvent.VK_K, PlaybackActions.PAUSE, () -> player().pause());
        bind(in, KeyEvent.VK_J, PlaybackActions.SHUTTLE_BACK, this::shuttleBack);
        bind(in, KeyEvent.VK_L, PlaybackActions.SHUTTLE_FORWARD, this::shuttleForward);
        bind(in, KeyEvent.VK_LEFT, PlaybackActions.STEP_BACK, () -> player().step(-1));
        bind(in, KeyEvent.VK_RIGHT, PlaybackActions.STEP_FORWARD, () -> player().step(1));
        bind(in, KeyEvent.VK_HOME, PlaybackActions.HOME, () -> player().seek(0));
        bind(in, KeyEvent.VK_END, PlaybackActions.END, () -> player().seek(state.frameCount() - 1));
        bind(in, KeyEvent.VK_I, PlaybackActions.MARK_IN, this::markIn);
        bind(in, KeyEvent.VK_O, PlaybackActions.MARK_OUT, this::markOut);
        setFocusable(true);
        view.setFocusable(true);
        view.addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mousePressed(java.awt.event.MouseEvent e) {
                view.requestFocusInWindow();
            }
        });
    }

    @Override
    protected void componentActivated() {
        view.requestFocusInWindow(); // the keys work as soon as the window is chosen
    }

    private void bind(InputMap in, int key, String name, Runnable action) {
        in.put(KeyStroke.getKeyStroke(key, 0), name);
        getActionMap().put(name, new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                if (player != null && state.status() == PlayerState.Status.READY) {
                    action.run();
                }
            }
        });
    }

    private Player player() {
        return player;
    }

    private void togglePlay() {
        if (state.playing()) {
            player.pause();
        } else {
            player.play();
        }
    }

    /** L: forward 1x, 2x, 4x; from reverse it first pauses, as NLEs do. */
    private void shuttleForward() {
        int s = state.speed();
        player.shuttle(s < 0 ? 0 : s == 0 ? 1 : Math.min(4, s * 2));
    }

    /** J: backward 1x, 2x, 4x. */
    private void shuttleBack() {
        int s = state.speed();
        player.shuttle(s > 0 ? 0 : s == 0 ? -1 : Math.max(-4, s * 2));
    }

    private void markIn() {
        loopIn = state.frame();
        if (loopOut < loopIn) {
            loopOut = state.frameCount() - 1;
        }
        loop.setSelected(true);
        applyLoop();
    }

    private void markOut() {
        loopOut = state.frame();
        if (loopIn < 0 || loopIn > loopOut) {
            loopIn = 0;
        }
        loop.setSelected(true);
        applyLoop();
    }

    private void applyLoop() {
        if (player == null) {
            return;
        }
        if (loop.isSelected() && state.frameCount() > 0) {
            long in = loopIn < 0 ? 0 : loopIn;
            long out = loopOut < 0 ? state.frameCount() - 1 : loopOut;
            player.setLoop(in, out);
        } else {
            player.clearLoop();
        }
    }

    /** Opens a file in this window's player (File > Open Media, a drop, the Proxy Manager). */
    public void openFile(Path file) {
        if (player == null) {
            open();
        }
        if (player != null) {
            loopIn = -1;
            loopOut = -1;
            loop.setSelected(false);
            view.clear("");
            showsTimeline = false;
            player.open(file);
            requestActive();
        }
    }

    /** Plays a project's timeline (the Timeline window's "Play in Viewer"); the same timeline keeps its place. */
    public void openProject(Project project) {
        if (player == null) {
            open();
        }
        Player p = player;
        if (p != null) {
            if (!showsTimeline) {
                loopIn = -1;
                loopOut = -1;
                loop.setSelected(false);
                view.clear("");
            }
            showsTimeline = true;
            p.openProject(project);
        }
    }

    /** An edit of the project: shown from the next frame on when this window plays a timeline. Any thread. */
    void projectEdited(Project project) {
        Player p = player;
        if (p != null && showsTimeline) {
            p.openProject(project);
        }
    }

    /** The player while the window is open. Any thread. */
    Optional<Player> currentPlayer() {
        return Optional.ofNullable(player);
    }

    /** F1 and the help buttons open this window's page of the user guide (the help module maps the ID). */
    @Override
    public HelpCtx getHelpCtx() {
        return new HelpCtx("tsperf.viewer");
    }

    @Override
    protected void componentOpened() {
        PlaybackService playback = Lookup.getDefault().lookup(PlaybackService.class);
        if (playback == null) {
            view.setMessage(Bundle.Viewer_noPlayback());
            return;
        }
        player = playback.createPlayer(PlayerOptions.viewer());
        player.addListener(new Follower());
        if (view.getWidth() > 0) {
            player.setViewSize(view.getWidth(), view.getHeight());
        }
    }

    @Override
    protected void componentClosed() {
        Player p = player;
        player = null;
        showsTimeline = false;
        state = PlayerState.empty();
        if (p != null) {
            p.close();
        }
        view.clear(Bundle.Viewer_empty());
    }

    void writeProperties(java.util.Properties p) {
        p.setProperty("version", "1.0");
        p.setProperty("overlay", Boolean.toString(overlay.isSelected()));
    }

    void readProperties(java.util.Properties p) {
        overlay.setSelected(Boolean.parseBoolean(p.getProperty("overlay", "false")));
    }

    /** The state now, for tests. */
    PlayerState playerState() {
        return state;
    }

    PictureView pictureView() {
        return view;
    }

    /** Renders what the player reports; the copying into an image happens on the player's thread. */
    private final class Follower implements PlayerListener {
        @Override
        public void presented(Picture picture) {
            view.accept(picture);
            queueRefresh();
        }

        @Override
        public void stateChanged(PlayerState s) {
            queueRefresh();
        }

        private void queueRefresh() {
            if (stateRefreshQueued.compareAndSet(false, true)) {
                SwingUtilities.invokeLater(ViewerTopComponent.this::refresh);
            }
        }
    }

    /** On the event thread: the controls follow the player's state (a cheap snapshot). */
    private void refresh() {
        stateRefreshQueued.set(false);
        Player p = player;
        if (p == null) {
            return;
        }
        PlayerState s = p.state();
        state = s;
        following = true;
        try {
            scrubBar.setMaximum((int) Math.max(0, s.frameCount() - 1));
            if (!scrubBar.getValueIsAdjusting()) {
                scrubBar.setValue((int) s.frame());
            }
        } finally {
            following = false;
        }
        timecode.setText(s.timecode());
        source.setText(s.source());
        source.setToolTipText(s.readPath().map(Path::toString).orElse(null));
        playPause.setText(s.playing() ? "||" : "\u25B6");
        switch (s.status()) {
            case FAILED -> view.setMessage(s.message());
            case OPENING -> view.setMessage(s.message());
            case EMPTY -> view.setMessage(Bundle.Viewer_empty());
            default -> view.setMessage("");
        }
        refreshFigures();
    }

    private void refreshFigures() {
        PlayerState s = state;
        PlaybackCounters c = s.counters();
        String text = s.status() != PlayerState.Status.READY ? " " : Bundle.Viewer_figures(fps(c.deliveredFps()),
                String.format(Locale.ROOT, "%.2f", s.frameRate()), c.dropped(), c.late(), s.speed(), s.decoder());
        figures.setText(text);
        figures.setToolTipText(text);
        view.setOverlay(overlay.isSelected() && s.status() == PlayerState.Status.READY
                ? Bundle.Viewer_overlayFigures(fps(c.deliveredFps()), c.dropped(), c.late()) : "");
    }

    private static String fps(double fps) {
        return String.format(Locale.ROOT, "%.1f", fps);
    }

    /** Files dropped from a file manager open in the Viewer. */
    private final class FileDrop extends TransferHandler {
        @Override
        public boolean canImport(TransferSupport support) {
            return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
        }

        @Override
        public boolean importData(TransferSupport support) {
            try {
                @SuppressWarnings("unchecked")
                List<File> files = (List<File>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
                if (files.isEmpty()) {
                    return false;
                }
                openFile(files.get(0).toPath());
                return true;
            } catch (java.awt.datatransfer.UnsupportedFlavorException | java.io.IOException ex) {
                LOG.log(Level.INFO, "drop refused", ex);
                return false;
            }
        }
    }
}
