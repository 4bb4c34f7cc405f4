package org.tsperf.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./tsperf modules ...} through the real launcher, the platform started headless, the real module system and
 * nbm-repo's NBMs: list, disable, list, enable, uninstall, install, and the refusals, each with its exit code and a
 * deadline. Works on its own copy of the assembled application ({@code TSPERF_APP}): uninstalling deletes files of
 * the installation.
 */
class ModulesCommandTest {

    /** A headless start of the platform takes a few seconds; a command that lingers is a failure. */
    private static final long DEADLINE_SECONDS = 90;
    private static final String MONITOR = "org.tsperf.monitor";
    private static final Logger LOG = Logger.getLogger(ModulesCommandTest.class.getName());

    private static Path app;
    private static Path userdir;

    private record Result(int exit, List<String> out, String err) {
    }

    @BeforeAll
    static void copyApplication() throws IOException {
        Path built = Path.of(System.getProperty("all.clusters"));
        app = built.resolveSibling(built.getFileName() + "-modules-command-test");
        UpdateCenterTest.replaceWithCopy(built, app);
        userdir = built.resolveSibling("modules-command-userdir");
        UpdateCenterTest.deleteTree(userdir); // a fresh user directory: no state of an earlier run
    }

    private static Result modules(String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("tsperf.root", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(root.resolve("tsperf").toString(), "modules"));
        command.addAll(List.of(args));
        command.addAll(List.of("--userdir", userdir.toString()));
        File out = File.createTempFile("tsperf-out", ".txt");
        File err = File.createTempFile("tsperf-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                    .redirectOutput(out).redirectError(err);
            pb.environment().put("TSPERF_NO_BUILD", "1");
            pb.environment().put("TSPERF_APP", app.toString());
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("tsperf modules " + String.join(" ", args) + " did not end within "
                        + DEADLINE_SECONDS + " s (the platform's process lingers after the command?)");
            }
            LOG.log(Level.INFO, "tsperf modules {0}: exit {1} in {2} ms", new Object[] {String.join(" ", args),
                p.exitValue(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)});
            return new Result(p.exitValue(), Files.readAllLines(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(err.toPath());
        }
    }

    /** The line of one module: name, version, state (and "(needs a restart)" where the platform says so). */
    private static String line(Result r, String codeName) {
        return r.out().stream().filter(l -> l.startsWith(codeName + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(codeName + " is not listed: " + r.out() + "\n" + r.err()))
                .replaceAll("\\s+", " ").trim();
    }

    @Test
    void listDisableEnableUninstallInstall() throws Exception {
        Result list = modules("list");
        assertEquals(0, list.exit(), list.err());
        assertEquals(MONITOR + " 0.1.0 enabled", line(list, MONITOR));
        assertEquals("org.tsperf.proxy 0.1.0 enabled", line(list, "org.tsperf.proxy"));
        assertFalse(list.out().stream().anyMatch(l -> l.startsWith("org.openide.")),
                "only the product's modules without --all: " + list.out());

        Result disable = modules("disable", MONITOR);
        assertEquals(0, disable.exit(), disable.err());
        assertEquals(List.of(MONITOR + " 0.1.0 disabled"), disable.out().stream()
                .map(l -> l.replaceAll("\\s+", " ").trim()).toList());

        // a new process: the state was kept in the user directory
        Result listed = modules("list");
        assertEquals(0, listed.exit(), listed.err());
        assertEquals(MONITOR + " 0.1.0 disabled", line(listed, MONITOR));

        Result enable = modules("enable", "monitor");
        assertEquals(0, enable.exit(), enable.err());
        assertEquals(MONITOR + " 0.1.0 enabled", line(enable, MONITOR));

        Path jar = app.resolve("tsperf/modules/org-tsperf-monitor.jar");
        assertTrue(Files.exists(jar));
        Result uninstall = modules("uninstall", MONITOR, "--json");
        assertEquals(0, uninstall.exit(), uninstall.err());
        JsonObject json = JsonParser.parseString(String.join("\n", uninstall.out())).getAsJsonObject();
        assertTrue(json.get("ok").getAsBoolean(), uninstall.out().toString());
        JsonArray shown = json.getAsJsonArray("modules");
        assertEquals(1, shown.size(), shown.toString());
        assertEquals(MONITOR, shown.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("not installed", shown.get(0).getAsJsonObject().get("state").getAsString());
        assertFalse(shown.get(0).getAsJsonObject().get("needsRestart").getAsBoolean());
        assertFalse(Files.exists(jar), "its jar left the cluster");

        // the next start of the same user directory works and offers it from the update center
        Result gone = modules("list");
        assertEquals(0, gone.exit(), gone.err());
        assertEquals(MONITOR + " 0.1.0 not installed", line(gone, MONITOR));

        Result install = modules("install", "monitor");
        assertEquals(0, install.exit(), install.err());
        assertEquals(MONITOR + " 0.1.0 enabled", line(install, MONITOR));
        assertTrue(Files.exists(jar), "its jar is back in the cluster");

        Result back = modules("list", "--json");
        assertEquals(0, back.exit(), back.err());
        assertTrue(String.join("", back.out()).contains(
                "{\"name\":\"org.tsperf.monitor\",\"version\":\"0.1.0\",\"state\":\"enabled\",\"needsRestart\":false}"),
                back.out().toString());
    }

    @Test
    void refusalsNameTheModuleAndWhy() throws Exception {
        Result unknown = modules("install", "org.tsperf.nosuch");
        assertEquals(1, unknown.exit(), unknown.err());
        assertTrue(unknown.err().contains("org.tsperf.nosuch is neither an installed module nor in the update center"),
                unknown.err());

        Result needed = modules("uninstall", "org.tsperf.api");
        assertEquals(1, needed.exit(), needed.err());
        assertTrue(needed.err().contains("org.tsperf.api cannot be uninstalled alone: ")
                && needed.err().contains("org.tsperf.proxy"), needed.err());
        assertTrue(Files.exists(app.resolve("tsperf/modules/org-tsperf-api.jar")), "nothing was removed");

        Result self = modules("disable", "modulecli");
        assertEquals(1, self.exit(), self.err());
        assertTrue(self.err().contains("org.tsperf.modulecli runs this command"), self.err());

        Result usage = modules("frobnicate");
        assertEquals(2, usage.exit(), usage.err());
        assertTrue(usage.err().contains("usage: ./tsperf modules"), usage.err());
    }

    /**
     * An NBM changed after the update center listed it (an entry added: still a valid archive, a different
     * SHA-512 than the catalog's) is refused, with the module named, and nothing is installed.
     */
    @Test
    void nbmChangedAfterTheCatalogIsRefused() throws Exception {
        Path catalog = tamperedCatalog("checksum", false);
        rewrite(catalog.resolve("tsperf-monitor-0.1.0-SNAPSHOT.nbm"), "netbeans/modules/ext/added-later.txt");
        assertRefusedThenInstalled(catalog, "was changed after the update center listed it");
    }

    /**
     * An NBM whose signed content changed, from a catalog without checksums (so only the signature can tell), is
     * refused: the NBMs are signed with the project key.
     */
    @Test
    void nbmChangedAfterSigningIsRefused() throws Exception {
        Path catalog = tamperedCatalog("signature", true);
        Path nbm = catalog.resolve("tsperf-monitor-0.1.0-SNAPSHOT.nbm");
        try (JarFile jar = new JarFile(nbm.toFile(), true)) {
            JarEntry info = jar.getJarEntry("Info/info.xml");
            jar.getInputStream(info).readAllBytes(); // signers are known once the entry was read
            assertTrue(info.getCodeSigners() != null && info.getCodeSigners().length > 0, "the NBM is signed");
            String signer = ((java.security.cert.X509Certificate) info.getCodeSigners()[0].getSignerCertPath()
                    .getCertificates().get(0)).getSubjectX500Principal().getName();
            assertTrue(signer.contains("Timeline Studio Performance build key"), signer);
        }
        rewrite(nbm, "Info/info.xml");
        assertRefusedThenInstalled(catalog, "was changed after it was signed (");
    }

    /**
     * One byte of a class changed in the module's jar inside the NBM, from a catalog without checksums (so only the
     * signature can tell): refused, the changed entry named.
     */
    @Test
    void nbmWithAClassChangedAfterSigningIsRefused() throws Exception {
        Path catalog = tamperedCatalog("class", true);
        NbmTampering.changeAClassInTheModuleJar(catalog.resolve("tsperf-monitor-0.1.0-SNAPSHOT.nbm"),
                "netbeans/modules/org-tsperf-monitor.jar");
        assertRefusedThenInstalled(catalog,
                "was changed after it was signed (SHA-256 digest error for netbeans/modules/org-tsperf-monitor.jar)");
    }

    /** A copy of nbm-repo's catalog and NBMs (without the checksums when asked). */
    private static Path tamperedCatalog(String name, boolean withoutChecksums) throws IOException {
        return NbmTampering.copyCatalog(app.resolveSibling("tampered-update-center-" + name), withoutChecksums);
    }

    private static void assertRefusedThenInstalled(Path catalog, String why) throws Exception {
        Result uninstall = modules("uninstall", MONITOR);
        assertEquals(0, uninstall.exit(), uninstall.err());
        Result install = modules("install", MONITOR,
                "-J-Dtsperf.updates.url=" + catalog.resolve("updates.xml").toUri());
        assertEquals(1, install.exit(), install.out() + install.err());
        assertTrue(install.err().contains("org.tsperf.monitor was not installed: its NBM ")
                && install.err().contains(why), install.err());
        assertFalse(Files.exists(app.resolve("tsperf/modules/org-tsperf-monitor.jar")), "nothing was installed");

        Result fromBuild = modules("install", MONITOR);
        assertEquals(0, fromBuild.exit(), fromBuild.err());
        assertEquals(MONITOR + " 0.1.0 enabled", line(fromBuild, MONITOR));
    }

    /** Rewrites the archive with {@code entry} changed (a line added at its end), or added when it is not there. */
    private static void rewrite(Path zip, String entry) throws IOException {
        Path copy = zip.resolveSibling(zip.getFileName() + ".tmp");
        byte[] added = "\n<!-- changed after signing -->\n".getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                if (e.getName().equals(entry)) {
                    out.write(added);
                    found = true;
                }
                out.closeEntry();
            }
            if (!found) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(added);
                out.closeEntry();
            }
        }
        Files.move(copy, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
