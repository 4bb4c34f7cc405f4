package org.tsperf.app;

import java.nio.file.Path;
import java.util.List;
import org.netbeans.jellytools.OptionsOperator;
import org.netbeans.jemmy.operators.JTabbedPaneOperator;
import org.openide.util.Lookup;

/** What the two Tools &gt; Options &gt; Performance tests share: the tabs, the values set, where they are kept. */
final class PerformanceOptions {

    /** The tabs, in their order. */
    static final List<String> TABS = List.of("Proxies", "Cache", "Memory", "GPU", "Background Tasks");
    static final long L2_BUDGET = 3L << 30;
    static final String L2_BUDGET_TEXT = "3G";
    static final String MEMORY_PROFILE = "4 GB machine";
    static final int THUMBNAIL_WORKERS = 3;

    private PerformanceOptions() {
    }

    /** The platform's user directory of the workbench under test (NbModuleSuite sets it). */
    static Path userdir() {
        return Path.of(System.getProperty("netbeans.user"));
    }

    /** Where NbPreferences keeps a module's settings in the user directory. */
    static Path settingsFile(String module) {
        return userdir().resolve("config/Preferences/org/tsperf/" + module + ".properties");
    }

    /** Tools &gt; Options, the Performance category shown; returns its tabs. */
    static JTabbedPaneOperator open(OptionsOperator options) {
        options.selectCategory("Performance");
        return new JTabbedPaneOperator(options);
    }

    static List<String> titles(JTabbedPaneOperator tabs) {
        return java.util.stream.IntStream.range(0, tabs.getTabCount()).mapToObj(tabs::getTitleAt).toList();
    }

    static <T> T service(Class<T> type) {
        T s = Lookup.getDefault().lookup(type);
        if (s == null) {
            throw new AssertionError("no " + type.getSimpleName() + " in Lookup: is its module enabled?");
        }
        return s;
    }
}
