package org.tsperf.help;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dialog;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Frame;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JEditorPane;
import javax.swing.JFrame;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JToolBar;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.event.HyperlinkEvent;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.StyleSheet;
import org.openide.awt.HtmlBrowser;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.WindowManager;

/**
 * The guide's window: the contents on the left, the page on the right, Back, Forward and Contents above. A frame of
 * its own, as the platform's JavaHelp viewer was, so that it can be read beside a modal dialog whose Help button
 * opened it. Pages are HTML in the module's jar, shown by Swing's HTML kit in the look and feel's colours.
 * Event thread only.
 */
@Messages({
    "CTL_GuideTitle=User Guide - Timeline Studio Performance",
    "LBL_Back=Back",
    "LBL_Forward=Forward",
    "LBL_Contents=Contents",
    "# {0} - the page",
    "MSG_PageFailed=Cannot show {0}"
})
final class GuideWindow {

    private static final Logger LOG = Logger.getLogger(GuideWindow.class.getName());

    private final Guide guide;
    private final JFrame frame = new JFrame(Bundle.CTL_GuideTitle());
    private final JList<Guide.Page> contents;
    private final JEditorPane page = new JEditorPane();
    private final JButton back = new JButton(Bundle.LBL_Back());
    private final JButton forward = new JButton(Bundle.LBL_Forward());
    private final Deque<URL> backStack = new ArrayDeque<>();
    private final Deque<URL> forwardStack = new ArrayDeque<>();
    private URL current;
    private boolean selecting;

    GuideWindow(Guide guide) {
        this.guide = guide;
        contents = new JList<>(guide.pages().toArray(Guide.Page[]::new));
        contents.setName("guide.contents");
        contents.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        contents.addListSelectionListener(e -> {
            Guide.Page p = contents.getSelectedValue();
            if (!e.getValueIsAdjusting() && !selecting && p != null) {
                go(guide.resource(p), true);
            }
        });
        page.setName("guide.page");
        page.setEditable(false);
        page.setEditorKit(new GuideKit());
        page.addHyperlinkListener(e -> {
            if (e.getEventType() == HyperlinkEvent.EventType.ACTIVATED && e.getURL() != null) {
                if (guide.contains(e.getURL())) {
                    go(e.getURL(), true);
                } else {
                    HtmlBrowser.URLDisplayer.getDefault().showURL(e.getURL());
                }
            }
        });
        back.setName("guide.back");
        back.addActionListener(e -> step(backStack, forwardStack));
        forward.setName("guide.forward");
        forward.addActionListener(e -> step(forwardStack, backStack));
        JButton home = new JButton(Bundle.LBL_Contents());
        home.setName("guide.home");
        home.addActionListener(e -> go(guide.url(Guide.HOME), true));
        JToolBar tools = new JToolBar();
        tools.setFloatable(false);
        tools.add(back);
        tools.add(forward);
        tools.add(home);

        JScrollPane list = new JScrollPane(contents);
        list.setMinimumSize(new Dimension(160, 100));
        JScrollPane text = new JScrollPane(page);
        text.setBorder(BorderFactory.createEmptyBorder());
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, list, text);
        split.setDividerLocation(210);
        JPanel root = new JPanel(new BorderLayout());
        root.add(tools, BorderLayout.NORTH);
        root.add(split, BorderLayout.CENTER);
        frame.setName("guide");
        frame.setContentPane(root);
        frame.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
        // usable while a modal dialog (Tools > Options) that asked for help is open
        frame.setModalExclusionType(Dialog.ModalExclusionType.APPLICATION_EXCLUDE);
        frame.setSize(960, 720);
        Frame main = WindowManager.getDefault().getMainWindow();
        frame.setIconImages(main.getIconImages());
        frame.setLocationRelativeTo(main);
        updateButtons();
    }

    /** Shows {@code url} (a page of the guide, perhaps with an anchor) and brings the window to the front. */
    void show(URL url) {
        go(url, true);
        frame.setVisible(true);
        frame.setExtendedState(frame.getExtendedState() & ~Frame.ICONIFIED);
        frame.toFront();
    }

    void dispose() {
        frame.dispose();
    }

    private void step(Deque<URL> from, Deque<URL> to) {
        if (from.isEmpty()) {
            return;
        }
        if (current != null) {
            to.push(current);
        }
        go(from.pop(), false);
    }

    private void go(URL url, boolean remember) {
        if (url.equals(current)) {
            return;
        }
        if (remember && current != null) {
            backStack.push(current);
            forwardStack.clear();
        }
        current = url;
        try {
            // HTML documents load asynchronously; the page's anchor is scrolled to once loaded
            page.setPage(url);
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "cannot show the guide's page " + url, ex);
            page.setText("<html><body><p>" + Bundle.MSG_PageFailed(url) + "</p></body></html>");
        }
        selecting = true;
        try {
            Guide.Page p = guide.pageOf(url);
            if (p == null) {
                contents.clearSelection();
            } else {
                contents.setSelectedValue(p, true);
            }
        } finally {
            selecting = false;
        }
        updateButtons();
    }

    private void updateButtons() {
        back.setEnabled(!backStack.isEmpty());
        forward.setEnabled(!forwardStack.isEmpty());
    }

    /** Swing's HTML kit with a style sheet of its own in the look and feel's font and colours. */
    private static final class GuideKit extends HTMLEditorKit {

        private static final long serialVersionUID = 1L;
        private final StyleSheet styles = new StyleSheet();

        GuideKit() {
            styles.addStyleSheet(super.getStyleSheet());
            Font font = UIManager.getFont("Label.font");
            int size = font == null ? 13 : font.getSize();
            String family = font == null ? "SansSerif" : font.getFamily();
            String text = hex(UIManager.getColor("EditorPane.foreground"), "#1e1e1e");
            String background = hex(UIManager.getColor("EditorPane.background"), "#ffffff");
            String link = hex(UIManager.getColor("Component.linkColor"), "#2675bf");
            String muted = hex(UIManager.getColor("Label.disabledForeground"), "#808080");
            styles.addRule("body { font-family: '" + family + "'; font-size: " + size + "pt; color: " + text
                    + "; background-color: " + background + "; margin: 10px 16px 16px 16px; }");
            styles.addRule("h1 { font-size: " + (size * 3 / 2) + "pt; margin-top: 4px; margin-bottom: 8px; }");
            styles.addRule("h2 { font-size: " + (size * 6 / 5) + "pt; margin-top: 14px; margin-bottom: 4px; }");
            styles.addRule("p, li { margin-top: 3px; margin-bottom: 3px; }");
            styles.addRule("a { color: " + link + "; }");
            styles.addRule("code, kbd, pre { font-family: Monospaced; font-size: " + size + "pt; }");
            styles.addRule("th { text-align: left; color: " + muted + "; }");
            styles.addRule("td, th { padding: 2px 10px 2px 0px; }");
            styles.addRule(".note { color: " + muted + "; }");
        }

        @Override
        public StyleSheet getStyleSheet() {
            return styles;
        }

        private static String hex(Color c, String fallback) {
            return c == null ? fallback : String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
        }
    }
}
