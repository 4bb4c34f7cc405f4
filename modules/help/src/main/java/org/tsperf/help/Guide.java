package org.tsperf.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.openide.util.NbBundle.Messages;

/**
 * The guide's pages in reading order and the page each help ID names ({@code guide/map.properties}). Windows name
 * their page with {@code TopComponent.getHelpCtx()}; an ID ending in {@code .*} in the map names every ID that
 * starts with what comes before it (the platform's Plugins dialog, for one). Unknown IDs lead to the first page.
 */
@Messages({
    "Page_index=Welcome",
    "Page_workbench=The workbench",
    "Page_viewer=Playing clips: the Viewer",
    "Page_proxies=Proxies",
    "Page_monitor=Performance Monitor",
    "Page_tasks=Background Tasks",
    "Page_cache=Frame cache",
    "Page_memory=Memory",
    "Page_gpu=GPU acceleration",
    "Page_commandline=Command line"
})
final class Guide {

    /** The help ID of the first page (Help &gt; User Guide). */
    static final String HOME = "tsperf.guide";

    /** A page of the guide: its file in {@code guide/} and its title in the contents. */
    record Page(String file, String title) {

        @Override
        public String toString() {
            return title;
        }
    }

    private static final String FOLDER = "guide/";

    private final List<Page> pages = List.of(
            new Page("index.html", Bundle.Page_index()),
            new Page("workbench.html", Bundle.Page_workbench()),
            new Page("viewer.html", Bundle.Page_viewer()),
            new Page("proxies.html", Bundle.Page_proxies()),
            new Page("monitor.html", Bundle.Page_monitor()),
            new Page("tasks.html", Bundle.Page_tasks()),
            new Page("cache.html", Bundle.Page_cache()),
            new Page("memory.html", Bundle.Page_memory()),
            new Page("gpu.html", Bundle.Page_gpu()),
            new Page("commandline.html", Bundle.Page_commandline()));
    private final Map<String, String> exact = new TreeMap<>();
    private final Map<String, String> prefixes = new TreeMap<>();

    Guide() {
        Properties map = new Properties();
        try (InputStream in = Guide.class.getResourceAsStream(FOLDER + "map.properties")) {
            if (in == null) {
                throw new IllegalStateException("the guide's map.properties is missing from the module");
            }
            map.load(in);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        for (String id : map.stringPropertyNames()) {
            String target = map.getProperty(id).trim();
            if (id.endsWith(".*")) {
                prefixes.put(id.substring(0, id.length() - 1), target);
            } else {
                exact.put(id, target);
            }
        }
    }

    List<Page> pages() {
        return pages;
    }

    /** Whether the map names a page for this help ID. */
    boolean knows(String helpId) {
        return target(helpId) != null;
    }

    /** The page (with its anchor) for a help ID; the first page for an unknown or missing one. */
    URL url(String helpId) {
        String target = target(helpId);
        return resource(target == null ? exact.get(HOME) : target);
    }

    /** The page of the contents that {@code url} shows, or null when it is no page of the guide. */
    Page pageOf(URL url) {
        if (url == null) {
            return null;
        }
        String path = url.toExternalForm().replaceFirst("#.*$", "");
        for (Page p : pages) {
            if (path.equals(resource(p.file()).toExternalForm())) {
                return p;
            }
        }
        return null;
    }

    /** Whether {@code url} is inside the guide (a link to follow in the guide's window, not in a browser). */
    boolean contains(URL url) {
        String base = resource("index.html").toExternalForm();
        String folder = base.substring(0, base.lastIndexOf('/') + 1);
        return url != null && url.toExternalForm().startsWith(folder);
    }

    URL resource(Page page) {
        return resource(page.file());
    }

    private String target(String helpId) {
        if (helpId == null) {
            return null;
        }
        String t = exact.get(helpId);
        if (t != null) {
            return t;
        }
        for (Map.Entry<String, String> p : prefixes.entrySet()) {
            if (helpId.startsWith(p.getKey())) {
                return p.getValue();
            }
        }
        return null;
    }

    private static URL resource(String fileAndAnchor) {
        int hash = fileAndAnchor.indexOf('#');
        String file = hash < 0 ? fileAndAnchor : fileAndAnchor.substring(0, hash);
        URL url = Guide.class.getResource(FOLDER + file);
        if (url == null) {
            throw new IllegalStateException("the guide has no page " + file);
        }
        if (hash < 0) {
            return url;
        }
        try {
            return new URL(url, fileAndAnchor.substring(hash));
        } catch (MalformedURLException ex) {
            throw new IllegalStateException("bad anchor in the guide's map: " + fileAndAnchor, ex);
        }
    }
}
