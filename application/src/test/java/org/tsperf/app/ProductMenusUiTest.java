package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.awt.Component;
import java.awt.Container;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.regex.Pattern;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JRootPane;
import javax.swing.JSeparator;
import javax.swing.JToolBar;
import javax.swing.SwingUtilities;
import junit.framework.Test;
import org.netbeans.jemmy.ComponentChooser;
import org.netbeans.jemmy.JemmyProperties;
import org.netbeans.jemmy.operators.ContainerOperator;
import org.netbeans.jemmy.operators.JButtonOperator;
import org.netbeans.jemmy.operators.JDialogOperator;
import org.netbeans.jemmy.operators.JEditorPaneOperator;
import org.netbeans.jemmy.operators.JFrameOperator;
import org.netbeans.jemmy.operators.JLabelOperator;
import org.netbeans.jemmy.operators.JListOperator;
import org.netbeans.jemmy.operators.JMenuBarOperator;
import org.netbeans.jemmy.operators.JTableOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.NbModuleSuite;
import org.netbeans.junit.NbTestCase;
import org.openide.modules.ModuleInfo;
import org.openide.util.Lookup;

/**
 * A product, not an IDE: the main menu bar and the toolbars of the assembled application hold only the product's own
 * entries and the platform's basics (File, Edit, View, Window, Tools &gt; Options, Tools &gt; Plugins, Help). The
 * lists below are allow-lists: an entry a new platform module or a leftover brings fails the test, with its path.
 * Help &gt; User Guide opens the guide with its pages, and F1 in a window opens that window's page.
 *
 * <p>Runs in an execution of its own whose class path has no JellyTools (application/pom.xml): its modules would bring
 * IDE modules of their own (the Output window among them) into the workbench under test. The test uses Jemmy's plain
 * Swing operators, and first checks that every module running is one of the application's or Jemmy.
 */
public class ProductMenusUiTest extends NbTestCase {

    private static final String MAIN_TITLE = "Timeline Studio Performance";
    private static final String GUIDE_TITLE = "User Guide - Timeline Studio Performance";

    /** Every menu entry allowed, as MENU|ITEM or MENU|SUBMENU|ITEM; separators are not listed. */
    private static final Set<String> MENU_ENTRIES = Set.of(
            "File|New Project",
            "File|Open Project...",
            "File|Open Media...",
            "File|Save Project",
            "File|Save Project As...",
            "File|Export...",
            "File|Add Media to Proxy Manager...",
            "File|Exit",
            "Edit|Undo",
            "Edit|Redo",
            "Edit|Cut",
            "Edit|Copy",
            "Edit|Paste",
            "Edit|Delete",
            "View|Toolbars|Performance",
            "View|Toolbars|Small Toolbar Icons",
            "View|Toolbars|Reset Toolbars",
            "View|Toolbars|Customize",
            "View|Show Only Editor",
            "View|Full Screen",
            "Playback|Play / Pause (Space)",
            "Playback|Stop (K)",
            "Playback|Play Backwards, Faster Each Time (J)",
            "Playback|Play Forward, Faster Each Time (L)",
            "Playback|Previous Frame (Left)",
            "Playback|Next Frame (Right)",
            "Playback|Go to Start (Home)",
            "Playback|Go to End (End)",
            "Playback|Mark Loop In (I)",
            "Playback|Mark Loop Out (O)",
            "Tools|Free Unused Memory",
            "Tools|Pause Background Tasks",
            "Tools|Optimization Wizard...",
            "Tools|Plugins",
            "Tools|Options",
            "Window|Viewer",
            "Window|Timeline",
            "Window|Performance Monitor",
            "Window|Background Tasks",
            "Window|Proxy Manager",
            "Window|Cache Viewer",
            "Window|Memory Manager",
            "Window|GPU Scheduler",
            "Window|Configure Window|Maximize",
            "Window|Configure Window|Float",
            "Window|Configure Window|Float Group",
            "Window|Configure Window|Minimize",
            "Window|Configure Window|Minimize Group",
            "Window|Configure Window|Dock",
            "Window|Configure Window|Dock Group",
            "Window|Configure Window|Clone Document",
            "Window|Configure Window|New Document Tab Group",
            "Window|Configure Window|Collapse Document Tab Group",
            "Window|Reset Windows",
            "Window|Close Window",
            "Window|Close All Documents",
            "Window|Close Other Documents",
            "Window|Document Groups|New Document Group...",
            "Window|Documents...",
            "Help|User Guide",
            "Help|Check for Updates",
            "Help|About");

    /** The categories of Tools &gt; Options. */
    private static final Set<String> OPTIONS_CATEGORIES = Set.of("Appearance", "Keymap", "Performance");

    /** What the product cannot do without. */
    private static final Set<String> REQUIRED = Set.of("File|Open Media...", "File|Exit", "Tools|Options",
            "Tools|Plugins", "Help|User Guide", "Help|About", "Window|Viewer", "Window|Performance Monitor",
            "Window|Proxy Manager");

    /** Every item allowed on a shown toolbar, as TOOLBAR: tooltip of a button, or the class of another component. */
    private static final Set<String> TOOLBAR_ITEMS = Set.of(
            "Memory: HeapViewWrapper");

    private static final Pattern DRAGGER = Pattern.compile("(?i).*(dragger|bump).*");

    public ProductMenusUiTest(String name) {
        super(name);
    }

    /** Each test fails when the event thread stalls over 200 ms or MapDB is opened on it ({@link EventThreadGuard}). */
    @Override
    protected void setUp() throws Exception {
        super.setUp();
        EventThreadGuard.installOnce();
    }

    public static Test suite() {
        return NbModuleSuite.createConfiguration(ProductMenusUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testOnlyTheApplicationsModulesRun",
                        "testMenusHoldOnlyTheProductsEntriesAndThePlatformsBasics",
                        "testToolbarsHoldOnlyTheProductsItems",
                        "testHelpMenuOpensTheUserGuide",
                        "testF1OpensThePageOfTheWindowInUse",
                        "testOptionsHoldTheProductsPanelsAndTheirHelpButtonOpensTheGuide")
                .suite();
    }

    /** The test's own premise: what runs is the application (plus Jemmy, which drives it). */
    public void testOnlyTheApplicationsModulesRun() throws IOException {
        Set<String> application = new TreeSet<>();
        try (DirectoryStream<Path> clusters = Files.newDirectoryStream(Path.of(System.getProperty("all.clusters")))) {
            for (Path cluster : clusters) {
                Path modules = cluster.resolve("config/Modules");
                if (Files.isDirectory(modules)) {
                    try (DirectoryStream<Path> xmls = Files.newDirectoryStream(modules, "*.xml")) {
                        for (Path xml : xmls) {
                            String file = xml.getFileName().toString();
                            application.add(file.substring(0, file.length() - 4).replace('-', '.'));
                        }
                    }
                }
            }
        }
        assertTrue("the application's modules were found: " + application, application.contains("org.tsperf.help"));
        Set<String> foreign = new TreeSet<>();
        for (ModuleInfo m : Lookup.getDefault().lookupAll(ModuleInfo.class)) {
            if (m.isEnabled() && !application.contains(m.getCodeNameBase())
                    && !m.getCodeNameBase().matches("org\\.netbeans\\.(modules\\.jemmy|modules\\.nbjunit|libs\\.junit4|libs\\.asm|insane)")
                    && !m.getCodeNameBase().startsWith("org.netbeans.core.startup")
                    && !m.getCodeNameBase().startsWith("org.openide.")
                    && !m.getCodeNameBase().equals("org.netbeans.bootstrap")) {
                foreign.add(m.getCodeNameBase());
            }
        }
        assertTrue("modules that are not the application's run in the test (exclude them from the test class path of"
                + " this execution in application/pom.xml): " + foreign, foreign.isEmpty());
    }

    public void testMenusHoldOnlyTheProductsEntriesAndThePlatformsBasics() throws Exception {
        JMenuBar bar = mainWindow().getJMenuBar();
        List<String> top = onEventThread(() -> {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < bar.getMenuCount(); i++) {
                JMenu m = bar.getMenu(i);
                if (m != null && m.isVisible()) {
                    names.add(m.getText());
                }
            }
            return names;
        });
        assertEquals("the main menu bar", List.of("File", "Edit", "View", "Playback", "Tools", "Window", "Help"),
                top);
        // menus fill in on the event thread (showing "Initializing..." until then); submenus get their names a
        // moment later
        AtomicReference<Set<String>> seen = new AtomicReference<>();
        try {
            await(() -> {
                seen.set(onEventThread(() -> walk(bar)));
                return seen.get().stream().noneMatch(e -> e.contains("||") || e.endsWith("|")
                        || e.endsWith("|Initializing..."));
            }, "every menu to be filled in and every submenu to have its name");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + seen.get(), e);
        }
        Set<String> unexpected = new TreeSet<>(seen.get());
        unexpected.removeAll(MENU_ENTRIES);
        assertTrue("menu entries that are neither the product's nor the platform's basics: " + unexpected
                + "\n(all entries: " + seen.get() + ")", unexpected.isEmpty());
        Set<String> missing = new TreeSet<>(REQUIRED);
        missing.removeAll(seen.get());
        assertTrue("missing menu entries: " + missing, missing.isEmpty());
    }

    public void testToolbarsHoldOnlyTheProductsItems() throws Exception {
        JFrame main = mainWindow();
        Set<String> seen = onEventThread(() -> {
            Set<String> items = new TreeSet<>();
            toolbars(main.getContentPane(), items);
            return items;
        });
        Set<String> unexpected = new TreeSet<>(seen);
        unexpected.removeAll(TOOLBAR_ITEMS);
        assertTrue("toolbar items that are neither the product's nor the platform's basics: " + unexpected,
                unexpected.isEmpty());
    }

    public void testHelpMenuOpensTheUserGuide() throws Exception {
        new JMenuBarOperator(new JFrameOperator(MAIN_TITLE)).pushMenu("Help|User Guide", "|");
        JFrameOperator guide = new JFrameOperator(GUIDE_TITLE);
        JEditorPaneOperator page = new JEditorPaneOperator(guide, new NameComponentChooser("guide.page"));
        await(() -> text(page), "(?s).*Timeline Studio Performance User Guide.*Proxies.*", "the guide's first page");
        JListOperator contents = new JListOperator(guide, new NameComponentChooser("guide.contents"));
        assertTrue("the contents list the guide's pages: " + contents.getModel().getSize(),
                contents.getModel().getSize() >= 9);
        // a page from the contents: the Proxy Manager's buttons are described
        contents.selectItem("Proxies");
        await(() -> text(page), "(?s).*Proxy Manager.*Add Folder.*Use proxies.*", "the Proxies page");
        assertTrue(String.valueOf(page.getPage()), page.getPage().toString().endsWith("proxies.html"));
        guide.close();
    }

    public void testF1OpensThePageOfTheWindowInUse() throws Exception {
        JFrameOperator main = new JFrameOperator(MAIN_TITLE);
        new JMenuBarOperator(main).pushMenu("Window|Memory Manager", "|");
        ContainerOperator<?> window = new ContainerOperator<>(main, byClass("MemoryManagerTopComponent"));
        JTableOperator table = new JTableOperator(window, new NameComponentChooser("poolsTable"));
        table.clickMouse();
        table.pushKey(KeyEvent.VK_F1);
        JFrameOperator guide = new JFrameOperator(GUIDE_TITLE);
        JEditorPaneOperator page = new JEditorPaneOperator(guide, new NameComponentChooser("guide.page"));
        await(() -> String.valueOf(page.getPage()), ".*/memory\\.html", "the Memory Manager's page");
        await(() -> text(page), "(?s).*Memory Manager.*Free unused.*", "the page's text");
        @SuppressWarnings("unchecked")
        JList<Object> contents = (JList<Object>) new JListOperator(guide,
                new NameComponentChooser("guide.contents")).getSource();
        assertEquals("the contents show where the reader is", "Memory",
                onEventThread(() -> String.valueOf(contents.getSelectedValue())));
        guide.close();
    }

    public void testOptionsHoldTheProductsPanelsAndTheirHelpButtonOpensTheGuide() {
        new JMenuBarOperator(new JFrameOperator(MAIN_TITLE)).pushMenuNoBlock("Tools|Options", "|");
        JDialogOperator options = new JDialogOperator("Options");
        try {
            Set<String> categories = onEventThread(() -> {
                Set<String> names = new TreeSet<>();
                labels((Container) options.getSource(), "CategoryButton", names);
                return names;
            });
            assertEquals("the categories of Tools > Options (no General with its web browser and HTTP proxy)",
                    OPTIONS_CATEGORIES, categories);
            JRootPane root = ((JDialog) options.getSource()).getRootPane();
            JFrameOperator guide;
            for (int attempt = 1;; attempt++) {
                clickCategory(options, "Performance");
                // Performance opens on its first tab, Proxies; the dialog takes the shown panel's help (the platform
                // marks it on the dialog's root pane, where it stays until another help replaces it)
                await(() -> proxiesTabShowing(options), "the Performance category on its Proxies tab");
                await(() -> String.valueOf(onEventThread(() -> root.getClientProperty("HelpID"))),
                        "tsperf\\.proxies\\.options", "the Proxies panel's help in the dialog");
                new JButtonOperator(options, "Help").push();
                guide = new JFrameOperator(GUIDE_TITLE);
                JEditorPaneOperator page = new JEditorPaneOperator(guide, new NameComponentChooser("guide.page"));
                try {
                    await(() -> String.valueOf(page.getPage()), ".*/proxies\\.html(#options)?",
                            "the Proxies options' page (Performance shown: " + proxiesTabShowing(options) + ")");
                    await(() -> text(page), "(?s).*Tools > Options > Performance > Proxies.*", "the page's text");
                    break;
                } catch (AssertionError wrongPage) {
                    // the platform's dialog, when its lookup was not ready, selects its first category half a
                    // second after it opened, over a category clicked meanwhile: then click again. With
                    // Performance still shown, the wrong page is the product's fault.
                    if (attempt >= 3 || proxiesTabShowing(options)) {
                        throw wrongPage;
                    }
                    guide.close();
                }
            }
            guide.close();
        } finally {
            new JButtonOperator(options, "Cancel").push();
        }
    }

    /** Clicks a category of Tools &gt; Options as a user does. */
    private static void clickCategory(JDialogOperator options, String name) {
        // a category is chosen by the one the mouse is over: move the real mouse there (the pointer of the display
        // may rest on another category)
        int model = JemmyProperties.getCurrentDispatchingModel();
        JemmyProperties.setCurrentDispatchingModel(JemmyProperties.ROBOT_MODEL_MASK);
        try {
            new JLabelOperator(options, name).clickMouse();
        } finally {
            JemmyProperties.setCurrentDispatchingModel(model);
        }
    }

    /** Whether the Options dialog shows the Performance category, on its Proxies tab. */
    private static boolean proxiesTabShowing(JDialogOperator options) {
        return onEventThread(() -> {
            for (Component c : allComponents((Container) options.getSource())) {
                if (c instanceof javax.swing.JTabbedPane tabs && tabs.isShowing() && tabs.getSelectedIndex() >= 0
                        && "Proxies".equals(tabs.getTitleAt(tabs.getSelectedIndex()))) {
                    return true;
                }
            }
            return false;
        });
    }

    private static List<Component> allComponents(Container root) {
        List<Component> all = new ArrayList<>();
        for (Component c : root.getComponents()) {
            all.add(c);
            if (c instanceof Container k) {
                all.addAll(allComponents(k));
            }
        }
        return all;
    }

    private static JFrame mainWindow() {
        return (JFrame) new JFrameOperator(MAIN_TITLE).getSource();
    }

    private static String text(JEditorPaneOperator page) {
        try {
            javax.swing.text.Document d = page.getDocument();
            return d.getText(0, d.getLength());
        } catch (javax.swing.text.BadLocationException ex) {
            throw new AssertionError(ex);
        }
    }

    private static ComponentChooser byClass(String simpleName) {
        return new ComponentChooser() {
            @Override
            public boolean checkComponent(Component c) {
                return c.getClass().getSimpleName().equals(simpleName) && c.isShowing();
            }

            @Override
            public String getDescription() {
                return simpleName;
            }
        };
    }

    /** Event thread: every visible entry of every menu, as its path. */
    private static Set<String> walk(JMenuBar bar) {
        Set<String> entries = new TreeSet<>();
        for (int i = 0; i < bar.getMenuCount(); i++) {
            JMenu m = bar.getMenu(i);
            if (m != null && m.isVisible()) {
                walk(m, m.getText(), entries);
            }
        }
        return entries;
    }

    private static void walk(JMenu menu, String path, Set<String> entries) {
        // selecting a menu is what fills the platform's lazy menus and updates their dynamic entries
        menu.setSelected(true);
        try {
            for (Component c : menu.getMenuComponents()) {
                if (!c.isVisible() || c instanceof JSeparator) {
                    continue;
                }
                if (c instanceof JMenu sub) {
                    walk(sub, path + "|" + sub.getText(), entries);
                } else if (c instanceof JMenuItem item) {
                    entries.add(path + "|" + item.getText());
                } else {
                    entries.add(path + "|" + c.getClass().getSimpleName());
                }
            }
        } finally {
            menu.setSelected(false);
        }
    }

    /** Event thread: the texts of the labels of a class (by simple name) showing in a container. */
    private static void labels(Container c, String simpleName, Set<String> texts) {
        for (Component k : c.getComponents()) {
            if (k instanceof JLabel l && k.getClass().getSimpleName().equals(simpleName) && k.isShowing()) {
                texts.add(l.getText());
            }
            if (k instanceof Container inner) {
                labels(inner, simpleName, texts);
            }
        }
    }

    /** Event thread: the items of every toolbar shown in the main window. */
    private static void toolbars(Container c, Set<String> items) {
        for (Component k : c.getComponents()) {
            if (k instanceof JToolBar tb) {
                if (!tb.isShowing()) {
                    continue;
                }
                for (Component item : tb.getComponents()) {
                    if (!item.isVisible() || item instanceof JSeparator || isDragger(item)) {
                        continue;
                    }
                    String what = item instanceof AbstractButton b
                            ? (b.getToolTipText() != null ? b.getToolTipText() : b.getText())
                            : item.getClass().getSimpleName();
                    items.add(tb.getName() + ": " + what);
                }
            } else if (k instanceof Container inner) {
                toolbars(inner, items);
            }
        }
    }

    /** The grip a look and feel puts at a toolbar's start. */
    private static boolean isDragger(Component c) {
        return DRAGGER.matcher(c.getClass().getSimpleName()).matches();
    }

    private static <T> T onEventThread(Supplier<T> s) {
        AtomicReference<T> r = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> r.set(s.get()));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        } catch (InvocationTargetException ex) {
            throw new AssertionError(ex.getCause());
        }
        return r.get();
    }
}
