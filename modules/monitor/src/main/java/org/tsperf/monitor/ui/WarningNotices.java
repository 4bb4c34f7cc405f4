package org.tsperf.monitor.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which warnings to announce and which to withdraw, sample by sample. A warning is known by its kind (the text before
 * its colon: "Memory usage high"), since its figures change every second; a kind is announced when it appears,
 * withdrawn when it goes, and announced again only after a quiet spell, so that a value hovering at its threshold
 * does not fill the notification list.
 */
final class WarningNotices {

    /** What to do after a sample. */
    record Changes(List<String> announce, List<String> withdraw) {
        boolean none() {
            return announce.isEmpty() && withdraw.isEmpty();
        }
    }

    private final long quietNanos;
    /** Kinds shown now, with their latest text. */
    private final Map<String, String> shown = new LinkedHashMap<>();
    /** When each kind was last withdrawn. */
    private final Map<String, Long> withdrawnAt = new LinkedHashMap<>();

    WarningNotices(long quietNanos) {
        this.quietNanos = quietNanos;
    }

    static String kind(String warning) {
        int colon = warning.indexOf(':');
        return colon > 0 ? warning.substring(0, colon) : warning;
    }

    Changes sampled(List<String> warnings, long nowNanos) {
        Map<String, String> now = new LinkedHashMap<>();
        for (String w : warnings) {
            now.putIfAbsent(kind(w), w);
        }
        List<String> announce = new ArrayList<>();
        List<String> withdraw = new ArrayList<>();
        for (String k : new ArrayList<>(shown.keySet())) {
            if (!now.containsKey(k)) {
                shown.remove(k);
                withdrawnAt.put(k, nowNanos);
                withdraw.add(k);
            }
        }
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (shown.containsKey(e.getKey())) {
                shown.put(e.getKey(), e.getValue());
                continue;
            }
            Long gone = withdrawnAt.get(e.getKey());
            if (gone == null || nowNanos - gone >= quietNanos) {
                shown.put(e.getKey(), e.getValue());
                announce.add(e.getValue());
            }
        }
        return new Changes(announce, withdraw);
    }
}
