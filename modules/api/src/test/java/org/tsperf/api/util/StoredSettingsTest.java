package org.tsperf.api.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

class StoredSettingsTest {

    private final Preferences node = new MemoryPreferences(null, "").node("test/stored");

    @Test
    void aStoredValueIsParsedAndNothingStoredGivesTheDefaultSilently() {
        try (LogRecords log = new LogRecords(StoredSettings.class.getName())) {
            assertEquals(7, StoredSettings.read(node, "n", 7, Integer::parseInt));
            node.put("n", " 12 ");
            assertEquals(12, StoredSettings.read(node, "n", 7, Integer::parseInt));
            assertEquals(java.util.List.of(), log.warnings);
        }
    }

    @Test
    void aCorruptValueGivesTheDefaultAndAWarningNamingTheSettingAndValue() {
        node.put("workers.render", "many");
        try (LogRecords log = new LogRecords(StoredSettings.class.getName())) {
            assertEquals(1, StoredSettings.read(node, "workers.render", 1, Integer::parseInt));
            assertEquals(1, log.warnings.size());
            String w = log.warnings.get(0);
            assertTrue(w.contains("workers.render") && w.contains("\"many\"") && w.contains("default 1"), w);
        }
    }

    @Test
    void sizesParseAsPeopleWriteThemAndRoundTrip() {
        assertEquals(512L << 20, ByteSizes.parse("512M"));
        assertEquals(8L << 30, ByteSizes.parse("8 GiB"));
        assertEquals(8L << 30, ByteSizes.parse("8gb"));
        assertEquals(1234, ByteSizes.parse("1234"));
        for (long v : new long[] {8L << 30, 512L << 20, 64L << 10, 1000}) {
            assertEquals(v, ByteSizes.parse(ByteSizes.setting(v)));
        }
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("-3G"));
        assertTrue(ex.getMessage().contains("-3G"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("lots"));
        assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("99999999999T"));
    }
}
