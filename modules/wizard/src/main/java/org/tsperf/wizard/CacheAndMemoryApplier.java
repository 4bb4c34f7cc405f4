package org.tsperf.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openide.util.Lookup;
import org.tsperf.api.cache.CacheConfig;
import org.tsperf.api.cache.CacheConfiguration;
import org.tsperf.api.memory.MemoryConfiguration;
import org.tsperf.api.memory.MemoryProfile;
import org.tsperf.api.optimize.Change;
import org.tsperf.api.optimize.Recommendation;
import org.tsperf.api.optimize.Setting;
import org.tsperf.api.util.SettingsNotSavedException;

/**
 * The memory profile through {@link MemoryConfiguration} and the cache levels through {@link CacheConfiguration}:
 * both are stored at once and take effect after a restart (the L1 budget at once), which each change's note says.
 * Undo sets back exactly the settings from before, unless someone changed them since (then value by value).
 */
final class CacheAndMemoryApplier {

    static final String RESTART = "takes effect after a restart";
    /** The L1 budget's text for "follows the memory profile". */
    static final String FOLLOWS_PROFILE = "profile";
    private static final List<Setting> CACHE = List.of(Setting.CACHE_L1_BUDGET, Setting.CACHE_L2_DIR,
            Setting.CACHE_L2_BUDGET, Setting.CACHE_L3_DIR, Setting.CACHE_L3_BUDGET);

    private final Lookup lookup;
    private CacheConfig replaced;
    private CacheConfig set;

    CacheAndMemoryApplier(Lookup lookup) {
        this.lookup = lookup;
    }

    /** The memory profile: {@code value} is a profile's name (or "" for automatic). */
    Change memory(String value) {
        MemoryConfiguration m = lookup.lookup(MemoryConfiguration.class);
        if (m == null) {
            return new Change(Setting.MEMORY_PROFILE, "", value, false, "the Memory Manager is not installed");
        }
        String before = m.profile();
        Change refused = refusedBy(Setting.MEMORY_PROFILE, before, m.overriddenBy().orElse(null));
        if (refused != null) {
            return refused;
        }
        try {
            if (!value.equals(before)) {
                m.setProfile(value);
            }
        } catch (IllegalArgumentException | SettingsNotSavedException ex) {
            return new Change(Setting.MEMORY_PROFILE, before, before, false, ex.getMessage());
        }
        return new Change(Setting.MEMORY_PROFILE, before, m.profile(), true, value.equals(before) ? "" : RESTART);
    }

    /** The cache's levels from the recommendations' values ("" for a folder: keep it). */
    List<Change> cache(Map<Setting, String> values) {
        CacheConfiguration conf = lookup.lookup(CacheConfiguration.class);
        List<Change> out = new ArrayList<>();
        if (conf == null) {
            CACHE.stream().filter(values::containsKey).forEach(s -> out.add(new Change(s, "", values.get(s), false,
                    "the Cache Viewer is not installed")));
            return out;
        }
        CacheConfig old = conf.config();
        CacheConfig now;
        try {
            now = with(old, values);
        } catch (IllegalArgumentException ex) { // e.g. L2 and L3 in one folder: nothing of it is applied
            CACHE.stream().filter(values::containsKey).forEach(s -> out.add(new Change(s, text(old, s), text(old, s),
                    false, ex.getMessage())));
            return out;
        }
        List<String> overridden = conf.overriddenBy();
        if (!now.equals(old)) {
            try {
                conf.setConfig(now);
            } catch (SettingsNotSavedException ex) { // a full disk: nothing of it is saved or applied
                CACHE.stream().filter(values::containsKey).forEach(s -> out.add(new Change(s, text(old, s),
                        text(old, s), false, ex.getMessage())));
                return out;
            }
            replaced = old;
            set = conf.config();
        }
        for (Setting s : CACHE) {
            if (values.containsKey(s)) {
                boolean changed = !text(old, s).equals(text(now, s));
                String note = !changed ? "" : s == Setting.CACHE_L1_BUDGET ? "" : RESTART;
                if (changed && !overridden.isEmpty()) {
                    note = "stored, but the start options " + String.join(" ", overridden) + " decide instead";
                }
                out.add(new Change(s, text(old, s), text(now, s), true, note));
            }
        }
        return out;
    }

    /**
     * The cache values with an L1 budget equal to the memory profile's own L1 budget replaced by
     * {@link #FOLLOWS_PROFILE}: L1 then keeps following the memory manager, which shrinks it under pressure.
     */
    static Map<Setting, String> followingProfile(Map<Setting, String> values, String profile) {
        String l1 = values.get(Setting.CACHE_L1_BUDGET);
        if (l1 == null || l1.isBlank() || profile.isBlank()) {
            return values;
        }
        try {
            if (Figures.parseSize(l1) != MemoryProfile.named(profile).cacheBytes()) {
                return values;
            }
        } catch (IllegalArgumentException ex) { // not a size, no profile: the services say so when applying
            return values;
        }
        Map<Setting, String> out = new java.util.EnumMap<>(values);
        out.put(Setting.CACHE_L1_BUDGET, FOLLOWS_PROFILE);
        return out;
    }

    /** Sets back the cache settings of the changes given (exactly the ones from before when nothing changed since). */
    List<Change> undoCache(List<Change> changes) {
        CacheConfiguration conf = lookup.lookup(CacheConfiguration.class);
        List<Change> done = changes.stream().filter(c -> c.changed() && CACHE.contains(c.setting())).toList();
        if (conf == null || done.isEmpty()) {
            return List.of();
        }
        CacheConfig now = conf.config();
        CacheConfig back;
        if (replaced != null && now.equals(set)) {
            back = replaced;
        } else {
            Map<Setting, String> before = new java.util.EnumMap<>(Setting.class);
            done.forEach(c -> before.put(c.setting(), c.before()));
            back = with(now, before);
        }
        conf.setConfig(back);
        replaced = null;
        List<Change> out = new ArrayList<>();
        for (Change c : done) {
            out.add(new Change(c.setting(), text(now, c.setting()), text(back, c.setting()), true,
                    c.setting() == Setting.CACHE_L1_BUDGET ? "" : RESTART));
        }
        return out;
    }

    private static CacheConfig with(CacheConfig c, Map<Setting, String> values) {
        CacheConfig r = c;
        String l1 = values.get(Setting.CACHE_L1_BUDGET);
        if (l1 != null && !l1.isBlank()) {
            r = r.withL1Budget(l1.equals(FOLLOWS_PROFILE) ? CacheConfig.L1_FOLLOWS_MEMORY_PROFILE
                    : Figures.parseSize(l1));
        }
        r = r.withL2(dir(values.get(Setting.CACHE_L2_DIR), r.l2Dir()),
                size(values.get(Setting.CACHE_L2_BUDGET), r.l2BudgetBytes()));
        return r.withL3(dir(values.get(Setting.CACHE_L3_DIR), r.l3Dir()),
                size(values.get(Setting.CACHE_L3_BUDGET), r.l3BudgetBytes()));
    }

    private static Path dir(String value, Path kept) {
        return value == null || value.isBlank() ? kept : Path.of(value);
    }

    private static long size(String value, long kept) {
        return value == null || value.isBlank() ? kept : Figures.parseSize(value);
    }

    /** A setting's value in the recommendations' form. */
    static String text(CacheConfig c, Setting s) {
        return switch (s) {
            case CACHE_L1_BUDGET -> c.l1BudgetBytes() == CacheConfig.L1_FOLLOWS_MEMORY_PROFILE ? FOLLOWS_PROFILE
                    : Figures.size(c.l1BudgetBytes());
            case CACHE_L2_DIR -> c.l2Dir().toString();
            case CACHE_L2_BUDGET -> Figures.size(c.l2BudgetBytes());
            case CACHE_L3_DIR -> c.l3Dir().toString();
            case CACHE_L3_BUDGET -> Figures.size(c.l3BudgetBytes());
            default -> throw new IllegalArgumentException("not a cache setting: " + s.key());
        };
    }

    private static Change refusedBy(Setting s, String before, String option) {
        return option == null ? null : new Change(s, before, before, false, "decided by " + option);
    }
}
