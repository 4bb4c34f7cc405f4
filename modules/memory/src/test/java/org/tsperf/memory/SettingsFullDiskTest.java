package org.tsperf.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.util.SettingsNotSavedException;
import org.tsperf.testsupport.SmallDisk;

/**
 * The memory profile saved as in the workbench (the platform's NbPreferences, the user directory's
 * {@code config/Preferences/org/tsperf/memory.properties}) on a real, small file system holding the user directory's
 * config, filled up and then freed.
 */
class SettingsFullDiskTest {

    /** One user directory for the class: the config filesystem is made once per JVM, on the first one it sees. */
    @TempDir
    static Path userdir;
    private static SmallDisk disk;
    private static String before;

    @BeforeAll
    static void userDirectoryOnASmallDisk() throws Exception {
        disk = SmallDisk.mount(userdir.resolve("config"), 1L << 20);
        before = System.getProperty("netbeans.user");
        System.setProperty("netbeans.user", userdir.toString());
    }

    @AfterAll
    static void back() throws Exception {
        if (before == null) {
            System.clearProperty("netbeans.user");
        } else {
            System.setProperty("netbeans.user", before);
        }
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void aFullDiskSaysSoNamingFileAndDiskKeepsTheFileAndWorksOnceFreed() throws Exception {
        Preferences node = org.netbeans.core.startup.preferences.NbPreferences.userRootImpl().node("org/tsperf/memory");
        StoredMemoryConfiguration conf = new StoredMemoryConfiguration(node);
        Path file = userdir.resolve("config/Preferences/org/tsperf/memory.properties");
        conf.setProfile("8 GB machine");
        assertTrue(Files.readString(file).contains("profile=8 GB machine"), "saved where the workbench keeps it");
        byte[] saved = Files.readAllBytes(file);

        disk.fill(0);
        SettingsNotSavedException ex = assertThrows(SettingsNotSavedException.class,
                () -> conf.setProfile("16 GB machine"));
        String m = ex.getMessage();
        assertTrue(m.contains(file.toString()) && m.contains(disk.dir().toString()) && m.contains("is full")
                && m.contains("Free space on it and save again") && m.contains("stay as they were"), m);
        assertEquals(file, ex.file());
        node.sync(); // waits for the platform's own delayed write, then reads the file back
        assertArrayEquals(saved, Files.readAllBytes(file), "the settings file is untouched");
        assertEquals("8 GB machine", conf.profile(), "the value in use is the one on disk");
        assertEquals(List.of(file), files(file.getParent()), "no trial or half-written file is left");

        disk.free();
        conf.setProfile("16 GB machine");
        node.sync();
        assertTrue(Files.readString(file).contains("profile=16 GB machine"), "saved once there is room again");
        assertEquals("16 GB machine", conf.profile());
        assertEquals(List.of(file), files(file.getParent()));
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
