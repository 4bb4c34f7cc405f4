package org.tsperf.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GuideTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    private final Guide guide = new Guide();

    @Test
    void everyPageOfTheContentsExistsWithAHeading() throws IOException {
        assertEquals("index.html", guide.pages().get(0).file(), "the contents start at the first page");
        for (Guide.Page p : guide.pages()) {
            String html = read(guide.resource(p));
            assertTrue(html.contains("<h1>"), p.file() + " has a heading");
            assertFalse(p.title().isBlank(), p.file() + " has a title in the contents");
        }
    }

    @Test
    void everyHelpIdOfTheMapNamesAPageAndAnAnchorThatExist() throws IOException {
        Properties map = new Properties();
        try (InputStream in = Guide.class.getResourceAsStream("guide/map.properties")) {
            map.load(in);
        }
        assertFalse(map.isEmpty());
        for (String id : map.stringPropertyNames()) {
            String probe = id.endsWith(".*") ? id.substring(0, id.length() - 1) + "SomeDialog" : id;
            assertTrue(guide.knows(probe), id);
            assertTargetExists(guide.url(probe), id);
        }
    }

    @Test
    void theWindowsHelpIdsAreAllKnown() {
        // the IDs the product's windows and options panels return from getHelpCtx()
        for (String id : List.of("tsperf.viewer", "tsperf.monitor", "tsperf.tasks", "tsperf.proxies",
                "tsperf.proxies.options", "tsperf.cache", "tsperf.memory", "tsperf.gpu")) {
            assertTrue(guide.knows(id), id);
            assertNotNull(guide.pageOf(guide.url(id)), id);
        }
    }

    @Test
    void anUnknownOrMissingIdOpensTheFirstPage() {
        URL first = guide.resource(guide.pages().get(0));
        assertFalse(guide.knows("org.example.SomethingElse"));
        assertEquals(first, guide.url("org.example.SomethingElse"));
        assertEquals(first, guide.url(null));
        assertEquals(guide.pages().get(0), guide.pageOf(guide.url(Guide.HOME)));
    }

    @Test
    void aPrefixNamesEveryIdThatStartsWithIt() {
        URL plugins = guide.url("tsperf.plugins");
        assertEquals(plugins, guide.url("org.netbeans.modules.autoupdate.ui.PluginManagerUI"));
        assertTrue(plugins.toExternalForm().endsWith("workbench.html#plugins"), plugins.toExternalForm());
    }

    @Test
    void everyLinkBetweenPagesLeadsToAPageAndAnchorThatExist() throws IOException {
        List<String> checked = new ArrayList<>();
        for (Guide.Page p : guide.pages()) {
            URL base = guide.resource(p);
            Matcher m = HREF.matcher(read(base));
            while (m.find()) {
                URL target = new URL(base, m.group(1));
                assertTrue(guide.contains(target), p.file() + " links outside the guide: " + m.group(1));
                assertTargetExists(target, p.file() + " -> " + m.group(1));
                checked.add(m.group(1));
            }
        }
        assertTrue(checked.size() > 10, "the pages link to each other: " + checked);
    }

    @Test
    void urlsOutsideTheGuideAreNotItsPages() throws IOException {
        URL elsewhere = new URL("https://example.org/index.html");
        assertFalse(guide.contains(elsewhere));
        assertNull(guide.pageOf(elsewhere));
    }

    private void assertTargetExists(URL target, String what) throws IOException {
        Guide.Page page = guide.pageOf(target);
        assertNotNull(page, what + ": " + target + " is a page of the contents");
        String ref = target.getRef();
        if (ref != null) {
            assertTrue(read(target).contains("name=\"" + ref + "\""), what + ": anchor #" + ref + " in " + page.file());
        }
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = new URL(url.toExternalForm().replaceFirst("#.*$", "")).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
