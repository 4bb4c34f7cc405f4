package org.tsperf.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.prefs.Preferences;
import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.filesystems.FileObject;
import org.openide.filesystems.FileUtil;
import org.openide.util.NbPreferences;

/** The device choice as the workbench keeps it: in the module's preferences, written to the config filesystem. */
class DeviceChoiceTest {

    private static final String FILE = "Preferences/org/tsperf/gpu.properties";
    /** One user directory for the class: the config filesystem is made once per JVM, on the first one it sees. */
    @TempDir
    static Path dir;
    private static String userdir;

    @BeforeAll
    static void inTheWorkbench() {
        userdir = System.getProperty("netbeans.user");
        System.setProperty("netbeans.user", dir.toString()); // DeviceChoice uses NbPreferences only in the workbench
    }

    @AfterEach
    void back() {
        DeviceChoice.set(DeviceChoice.AUTOMATIC);
    }

    @AfterAll
    static void userdirBack() {
        if (userdir == null) {
            System.clearProperty("netbeans.user");
        } else {
            System.setProperty("netbeans.user", userdir);
        }
    }

    /**
     * The GPU Scheduler window's switch to the CPU reference and straight back. The config filesystem reports the
     * write of the CPU choice late (the platform's file watcher refreshes 1.5 s after a change; activating the main
     * window refreshes too), after the switch back but before that is written: the preferences reload the file then,
     * and the automatic choice must not be replaced by the CPU choice read back from it.
     */
    @Test
    void theAutomaticChoiceSurvivesALateFileEventOfTheCpuChoice() throws Exception {
        Preferences prefs = NbPreferences.forModule(DeviceChoice.class);
        DeviceChoice.set(DeviceChoice.CPU);
        awaitFile(text -> text.contains("device=cpu"), "the CPU choice written");

        DeviceChoice.set(DeviceChoice.AUTOMATIC);
        ((ChangeListener) prefs).stateChanged(new ChangeEvent(this)); // the late event of the first write

        assertEquals(DeviceChoice.AUTOMATIC, DeviceChoice.get(), "the user's last choice");
        awaitFile(text -> !text.contains("device=cpu"), "the automatic choice written");
        assertEquals(DeviceChoice.AUTOMATIC, DeviceChoice.get(), "the user's last choice, once written");
    }

    @Test
    void theCpuChoiceSurvivesALateFileEventOfTheAutomaticChoice() throws Exception {
        Preferences prefs = NbPreferences.forModule(DeviceChoice.class);
        DeviceChoice.set(DeviceChoice.CPU);
        awaitFile(text -> text.contains("device=cpu"), "the CPU choice written");
        DeviceChoice.set(DeviceChoice.AUTOMATIC);
        awaitFile(text -> !text.contains("device=cpu"), "the automatic choice written");

        DeviceChoice.set(DeviceChoice.CPU);
        ((ChangeListener) prefs).stateChanged(new ChangeEvent(this));

        assertEquals(DeviceChoice.CPU, DeviceChoice.get());
        awaitFile(text -> text.contains("device=cpu"), "the CPU choice written again");
        assertEquals(DeviceChoice.CPU, DeviceChoice.get());
    }

    /** Waits for the preferences' own flush (200 ms after a change, on their thread), as in the workbench. */
    private static void awaitFile(Predicate<String> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String text = null;
        while (System.nanoTime() < deadline) {
            text = read();
            if (condition.test(text)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("timed out waiting for " + what + "; file: " + text);
    }

    private static String read() throws IOException {
        FileObject f = FileUtil.getConfigFile(FILE);
        return f == null ? "" : f.asText();
    }
}
