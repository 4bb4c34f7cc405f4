package org.tsperf.timeline.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.PreviewRenderService.ChunkState;
import org.tsperf.api.timeline.PreviewState;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;

/**
 * Draws a project: the preview bar (each chunk's state), the ruler in seconds, one row per track with its clips (id
 * and source file name), cross-fades, and the playhead. It only paints what it was given on the event thread; it reads
 * no file and asks no service.
 */
final class TimelineView extends JComponent {

    static final int BAR = 8;
    static final int RULER = 22;
    static final int TRACK = 46;
    static final int HEADER = 56;

    private static final Color GREEN = new Color(0x3fa34d);
    private static final Color YELLOW = new Color(0xe0b030);
    private static final Color RED = new Color(0xc8453c);
    private static final Color VIDEO_CLIP = new Color(0x3d6fb6);
    private static final Color AUDIO_CLIP = new Color(0x3a8f7a);
    private static final Color PLAYHEAD = new Color(0xe04040);

    private Project project;
    private List<ChunkState> states = List.of();
    private long playhead;
    private String selected;
    /** The clip being dragged and where the mouse went, or null. */
    private Drag drag;

    /** Where a clip is dragged to. */
    interface Mover {
        void move(String clipId, String trackId, long start);
    }

    private static final class Drag {
        final Clip clip;
        final int fromX;
        int x;
        int row;

        Drag(Clip clip, int fromX, int row) {
            this.clip = clip;
            this.fromX = fromX;
            this.x = fromX;
            this.row = row;
        }

        /** Small wobbles of a click are not a move. */
        boolean moved() {
            return Math.abs(x - fromX) > 3;
        }
    }

    /**
     * @param seek   hears the frame the user clicked in the ruler or the bar
     * @param select hears the clip clicked (null: none)
     * @param popup  hears a context-menu click on a clip: the event (for its place) and the clip
     * @param mover  hears a clip dragged to another start or track
     */
    TimelineView(Consumer<Long> seek, Consumer<String> select, BiConsumer<MouseEvent, String> popup, Mover mover) {
        setName("timelineView");
        setOpaque(true);
        setFocusable(true);
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                requestFocusInWindow();
                if (e.getY() < BAR + RULER) {
                    seek.accept(frameAt(e.getX()));
                } else {
                    Clip c = clipAt(e.getX(), e.getY());
                    select.accept(c == null ? null : c.id());
                    if (c != null && SwingUtilities.isLeftMouseButton(e) && !e.isPopupTrigger()) {
                        drag = new Drag(c, e.getX(), trackAt(e.getY()));
                    }
                    popup(e);
                }
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                Drag d = drag;
                drag = null;
                if (d != null && (d.moved() || d.row != trackAt(d.clip, project))) {
                    mover.move(d.clip.id(), project.tracks().get(d.row).id(), target(d));
                }
                repaint();
                popup(e);
            }

            /** Linux shows a context menu on press, Windows on release. */
            private void popup(MouseEvent e) {
                Clip c = e.isPopupTrigger() ? clipAt(e.getX(), e.getY()) : null;
                if (c != null) {
                    popup.accept(e, c.id());
                }
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                if (drag != null) {
                    drag.x = e.getX();
                    int row = trackAt(e.getY());
                    if (row >= 0) {
                        drag.row = row;
                    }
                    repaint();
                } else if (e.getY() < BAR + RULER) {
                    seek.accept(frameAt(e.getX()));
                }
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
    }

    /** The start a drag would give its clip. */
    private long target(Drag d) {
        return Math.max(0, d.clip.start() + Math.round((d.x - d.fromX) / scale()));
    }

    private static int trackAt(Clip clip, Project p) {
        for (int i = 0; i < p.tracks().size(); i++) {
            if (p.tracks().get(i).clip(clip.id()).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    void show(Project p, long head, String selectedClip) {
        project = p;
        playhead = head;
        selected = selectedClip;
        revalidate();
        repaint();
    }

    void showStates(List<ChunkState> now) {
        states = List.copyOf(now);
        repaint(0, 0, getWidth(), BAR);
    }

    List<ChunkState> states() {
        return states;
    }

    @Override
    public Dimension getPreferredSize() {
        int tracks = project == null ? 2 : Math.max(1, project.tracks().size());
        return new Dimension(640, BAR + RULER + tracks * TRACK + 4);
    }

    /** Pixels per frame: the whole project (and a little room after it) fits the width. */
    double scale() {
        long frames = project == null ? 0 : project.length();
        double room = Math.max(frames * 1.15, project == null ? 300 : project.rate().fps() * 10);
        return Math.max(0.02, (getWidth() - HEADER - 4) / room);
    }

    long frameAt(int x) {
        return Math.max(0, Math.round((x - HEADER) / scale()));
    }

    int xOf(long frame) {
        return HEADER + (int) Math.round(frame * scale());
    }

    /** The track row under a point, or -1. */
    int trackAt(int y) {
        int row = (y - BAR - RULER) / TRACK;
        return project == null || y < BAR + RULER || row >= project.tracks().size() ? -1 : row;
    }

    Clip clipAt(int x, int y) {
        int row = trackAt(y);
        if (row < 0) {
            return null;
        }
        long f = frameAt(x);
        List<Clip> clips = project.tracks().get(row).clips();
        for (int i = clips.size() - 1; i >= 0; i--) {
            if (clips.get(i).covers(f)) {
                return clips.get(i);
            }
        }
        return null;
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Color bg = UIManager.getColor("Panel.background");
            g.setColor(bg == null ? Color.DARK_GRAY : bg);
            g.fillRect(0, 0, getWidth(), getHeight());
            if (project == null) {
                return;
            }
            paintBar(g);
            paintRuler(g);
            for (int row = 0; row < project.tracks().size(); row++) {
                paintTrack(g, project.tracks().get(row), BAR + RULER + row * TRACK);
            }
            Drag d = drag;
            if (d != null && d.row >= 0) {
                // where the clip would go: an outline, the clip itself stays until the move is made
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                        new float[] {4f, 3f}, 0f));
                int x0 = xOf(target(d));
                g.drawRect(x0, BAR + RULER + d.row * TRACK + 2, Math.max(2, xOf(target(d) + d.clip.length()) - x0),
                        TRACK - 4);
            }
            int x = xOf(playhead);
            g.setColor(PLAYHEAD);
            g.setStroke(new BasicStroke(2f));
            g.drawLine(x, 0, x, getHeight());
        } finally {
            g.dispose();
        }
    }

    private void paintBar(Graphics2D g) {
        for (ChunkState s : states) {
            Color c = colour(s.state());
            if (c != null) {
                g.setColor(c);
                int x0 = xOf(s.chunk().start());
                g.fillRect(x0, 1, Math.max(1, xOf(s.chunk().end()) - x0), BAR - 2);
            }
        }
    }

    static Color colour(PreviewState state) {
        return switch (state) {
            case RENDERED -> GREEN;
            case RENDERING -> YELLOW;
            case DIRTY -> RED;
            case NOT_NEEDED -> null;
        };
    }

    private void paintRuler(Graphics2D g) {
        Color fg = UIManager.getColor("Label.foreground");
        g.setColor(fg == null ? Color.LIGHT_GRAY : fg);
        FontMetrics fm = g.getFontMetrics();
        double fps = project.rate().fps();
        double pxPerSecond = fps * scale();
        // a label every 1, 2, 5, 10... seconds, at least 60 pixels apart
        int step = 1;
        for (int s : new int[] {1, 2, 5, 10, 30, 60, 120, 300, 600}) {
            step = s;
            if (s * pxPerSecond >= 60) {
                break;
            }
        }
        long seconds = (long) ((getWidth() - HEADER) / pxPerSecond) + 1;
        for (long s = 0; s <= seconds; s += step) {
            int x = xOf(Math.round(s * fps));
            g.drawLine(x, BAR + RULER - 6, x, BAR + RULER);
            g.drawString(String.format("%d:%02d", s / 60, s % 60), x + 2, BAR + fm.getAscent());
        }
        g.drawLine(HEADER, BAR + RULER - 1, getWidth(), BAR + RULER - 1);
    }

    private void paintTrack(Graphics2D g, Track track, int y) {
        Color fg = UIManager.getColor("Label.foreground");
        g.setColor(fg == null ? Color.LIGHT_GRAY : fg);
        g.drawString(track.id(), 6, y + TRACK / 2 + g.getFontMetrics().getAscent() / 2);
        g.setColor(new Color(128, 128, 128, 60));
        g.drawLine(0, y + TRACK - 1, getWidth(), y + TRACK - 1);
        Color fill = track.kind() == TrackKind.VIDEO ? VIDEO_CLIP : AUDIO_CLIP;
        for (Clip c : track.clips()) {
            int x0 = xOf(c.start());
            int w = Math.max(2, xOf(c.end()) - x0);
            g.setColor(fill);
            g.fillRoundRect(x0, y + 3, w, TRACK - 6, 6, 6);
            g.setColor(c.id().equals(selected) ? Color.WHITE : fill.darker());
            g.drawRoundRect(x0, y + 3, w, TRACK - 6, 6, 6);
            Graphics2D inside = (Graphics2D) g.create(x0 + 4, y + 3, Math.max(0, w - 8), TRACK - 6);
            inside.setColor(Color.WHITE);
            FontMetrics fm = inside.getFontMetrics();
            inside.drawString(c.id(), 0, fm.getAscent() + 2);
            inside.drawString(c.source().getFileName().toString(), 0, 2 * fm.getAscent() + 4);
            inside.dispose();
        }
        for (Transition t : track.transitions()) {
            track.clip(t.toClip()).ifPresent(to -> {
                int x0 = xOf(to.start());
                int x1 = xOf(to.start() + t.length());
                g.setColor(new Color(255, 255, 255, 90));
                g.fillPolygon(new int[] {x0, x1, x1}, new int[] {y + TRACK - 3, y + 3, y + TRACK - 3}, 3);
            });
        }
    }
}
