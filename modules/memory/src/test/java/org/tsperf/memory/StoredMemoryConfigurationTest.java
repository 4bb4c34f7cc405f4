package org.tsperf.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openide.util.Lookup;
import org.tsperf.api.memory.MemoryConfiguration;
import org.tsperf.api.memory.MemoryProfile;
import org.tsperf.api.util.ModulePreferences;

class StoredMemoryConfigurationTest {

    private static final long GIB = 1L << 30;
    private final Preferences node = ModulePreferences.forModule(StoredMemoryConfiguration.class);
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(new SimpleFormatter().formatMessage(r));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void fresh() throws BackingStoreException {
        node.clear();
        Logger.getLogger("").addHandler(handler);
    }

    @AfterEach
    void cleanUp() throws BackingStoreException {
        Logger.getLogger("").removeHandler(handler);
        node.clear();
    }

    private static MemoryConfiguration service() {
        return Lookup.getDefault().lookup(MemoryConfiguration.class);
    }

    @Test
    void automaticByDefaultTheMachinesProfile() {
        assertEquals(MemoryConfiguration.AUTOMATIC, service().profile());
        assertEquals(MemoryProfile.forMachine(16 * GIB), StoredMemoryConfiguration.profileToUse(16 * GIB));
    }

    @Test
    void aChosenProfileIsStoredByItsFullNameAndUsedAtTheNextStart() {
        service().setProfile("8");
        assertEquals("8 GB machine", service().profile());
        assertEquals("8 GB machine", node.get(StoredMemoryConfiguration.KEY, null));
        assertEquals(MemoryProfile.named("8"), StoredMemoryConfiguration.profileToUse(64 * GIB),
                "the stored profile, not the 64 GB machine's");
        service().setProfile(MemoryConfiguration.AUTOMATIC);
        assertEquals(MemoryProfile.forMachine(64 * GIB), StoredMemoryConfiguration.profileToUse(64 * GIB));
    }

    @Test
    void aNameThatIsNoProfileIsRefusedWithTheKnownOnes() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> service().setProfile("12"));
        assertTrue(ex.getMessage().contains("no memory profile 12") && ex.getMessage().contains("16 GB machine"),
                ex.getMessage());
        assertEquals(MemoryConfiguration.AUTOMATIC, service().profile(), "nothing stored");
    }

    @Test
    void aHandEditedProfileThatDoesNotExistGivesAutomaticAndAWarning() {
        node.put(StoredMemoryConfiguration.KEY, "3 GB machine");
        assertEquals(MemoryConfiguration.AUTOMATIC, service().profile());
        assertEquals(MemoryProfile.forMachine(32 * GIB), StoredMemoryConfiguration.profileToUse(32 * GIB));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("setting profile") && w.contains("3 GB machine")),
                warnings.toString());
    }
}
