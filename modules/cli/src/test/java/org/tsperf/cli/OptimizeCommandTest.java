package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.GpuDeviceChoice;
import org.tsperf.api.optimize.Setting;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyConfiguration;
import org.tsperf.api.proxy.ProxyResolution;

/** {@code optimize} in-process on the real modules; the proxy store and cache in a temp dir, the disk test 1M. */
class OptimizeCommandTest {

    @TempDir
    static Path home;

    private static ProxyConfig proxyBefore;
    private static String gpuBefore;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void isolate() {
        System.setProperty("tsperf.cache.dir", home.resolve("cache").toString());
        System.setProperty("tsperf.optimize.disk.test", "1M");
        ProxyConfiguration conf = Lookup.getDefault().lookup(ProxyConfiguration.class);
        proxyBefore = conf.config();
        conf.setConfig(proxyBefore.withSettings(proxyBefore.settings().withStore(home.resolve("proxies"))));
        gpuBefore = Lookup.getDefault().lookup(GpuDeviceChoice.class).current();
    }

    /** The command changed this JVM's settings: other tests get them back. */
    @AfterAll
    static void restore() {
        Lookup.getDefault().lookup(ProxyConfiguration.class).setConfig(proxyBefore);
        Lookup.getDefault().lookup(GpuDeviceChoice.class).choose(gpuBefore);
        System.clearProperty("tsperf.optimize.disk.test");
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static Map<String, JsonObject> bySetting(JsonArray a) {
        Map<String, JsonObject> m = new HashMap<>();
        for (JsonElement e : a) {
            m.put(e.getAsJsonObject().get("setting").getAsString(), e.getAsJsonObject());
        }
        return m;
    }

    @Test
    void jsonHasTheMeasuredMachineAndOneRecommendationPerSettingWithReasons() {
        assertEquals(0, run("optimize", "--json"), err.toString());
        JsonObject o = JsonParser.parseString(out.toString()).getAsJsonObject();
        JsonObject hw = o.getAsJsonObject("hardware");
        assertEquals(Runtime.getRuntime().availableProcessors(), hw.get("cores").getAsInt());
        assertTrue(hw.get("ramBytes").getAsLong() > 0);
        String cacheBase = home.resolve("cache").toString();
        JsonObject homeDisk = null;
        for (JsonElement d : hw.getAsJsonArray("disks")) {
            if (d.getAsJsonObject().get("cacheBase").getAsString().equals(cacheBase)) {
                homeDisk = d.getAsJsonObject();
            }
        }
        assertTrue(homeDisk != null, "the disk of the cache folder is measured: " + hw);
        assertTrue(homeDisk.get("writeMBps").getAsDouble() > 0, homeDisk.toString());
        Map<String, JsonObject> recs = bySetting(o.getAsJsonArray("recommendations"));
        for (Setting s : Setting.values()) {
            JsonObject r = recs.get(s.key());
            assertTrue(r != null, "no recommendation for " + s.key());
            assertFalse(r.get("reason").getAsString().isBlank(), r.toString());
            assertFalse(r.get("figure").getAsString().isBlank(), r.toString());
        }
        assertTrue(recs.get("memory.profile").get("value").getAsString().endsWith(" GB machine"));
        assertFalse(o.has("changes"), "nothing applied without --apply");
        assertTrue(err.toString().contains("measuring: disks"), err.toString());
    }

    @Test
    void applySetsTheProxyCacheMemoryAndGpuSettingsAndSaysWhatChanged() {
        assertEquals(0, run("optimize", "--apply", "--json"), err.toString());
        JsonObject o = JsonParser.parseString(out.toString()).getAsJsonObject();
        Map<String, JsonObject> recs = bySetting(o.getAsJsonArray("recommendations"));
        Map<String, JsonObject> changes = bySetting(o.getAsJsonArray("changes"));
        String sizes = recs.get("proxy.sizes").get("value").getAsString();
        assertTrue(changes.get("proxy.sizes").get("applied").getAsBoolean());
        assertEquals(sizes, changes.get("proxy.sizes").get("after").getAsString());
        ProxyConfig now = Lookup.getDefault().lookup(ProxyConfiguration.class).config();
        assertEquals(sizes, now.settings().resolutions().stream().map(ProxyResolution::name)
                .collect(Collectors.joining(",")));
        assertEquals(recs.get("proxy.format").get("value").getAsString(), now.settings().format().id());
        assertEquals(recs.get("jobs.parallel").get("value").getAsInt(), now.effectiveJobs());
        String gpu = recs.get("gpu.path").get("value").getAsString();
        if (changes.get("gpu.path").get("applied").getAsBoolean()) {
            assertEquals(gpu, Lookup.getDefault().lookup(GpuDeviceChoice.class).current());
        }
        // the memory profile and the cache levels through their settings services (in memory in a plain JVM)
        assertTrue(changes.get("cache.l2.dir").get("applied").getAsBoolean(), changes.get("cache.l2.dir").toString());
        String l2 = recs.get("cache.l2.dir").get("value").getAsString();
        if (!l2.isEmpty()) {
            assertEquals(java.nio.file.Path.of(l2), Lookup.getDefault()
                    .lookup(org.tsperf.api.cache.CacheConfiguration.class).config().l2Dir());
        }
        assertEquals(recs.get("memory.profile").get("value").getAsString(), Lookup.getDefault()
                .lookup(org.tsperf.api.memory.MemoryConfiguration.class).profile());
    }

    @Test
    void textNamesEachSettingAndAnUnknownOptionIsAUsageError() {
        assertEquals(0, run("optimize"), err.toString());
        assertTrue(out.toString().startsWith("machine: "), out.toString());
        assertTrue(out.toString().contains("\nproxy.sizes = "), out.toString());
        assertTrue(out.toString().contains("\ncache.l3.dir = "), out.toString());
        assertEquals(2, run("optimize", "--bogus"));
    }
}
