package org.tsperf.proxy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Makes a store's index again from its plan descriptions ({@link PlanFile}) after a crash damaged it: the damaged
 * index files are moved aside (kept, renamed with the time), and every plan whose description is whole and whose
 * proxies are all there at their described sizes is found again. Descriptions cut short or not matching their files,
 * and proxies no trusted description names, are removed: they are made again when needed. Reads every description
 * once; it runs only after such a crash.
 */
final class ProxyIndexRebuild {

    private static final Logger LOG = Logger.getLogger(ProxyIndexRebuild.class.getName());
    /** What a proxy's name looks like: its key, its size's name, its format's extension (partial files excluded). */
    private static final Pattern PROXY = Pattern.compile("[0-9a-f]{64}-.+\\.(mp4|mov)");
    static final String ASIDE = ".damaged-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    /**
     * What was found in the store.
     *
     * @param plans   the trusted plans, by key
     * @param sources each source's newest trusted plan key
     * @param removed the files removed as not trusted, each with why
     */
    record Found(Map<String, PlanFile.Description> plans, Map<String, String> sources, List<String> removed) {

        int proxies() {
            return plans.values().stream().mapToInt(d -> d.proxies().size()).sum();
        }
    }

    private ProxyIndexRebuild() {
    }

    /**
     * Moves the index's files ({@code index.db} and its write-ahead logs) aside, renamed with the time (UTC), so that
     * a new index can be made in their place; they stay in the store for whoever wants to look at them.
     *
     * @return the new names
     */
    static List<Path> moveAside(Path store, String indexFile) throws IOException {
        String stamp = STAMP.format(java.time.Instant.now());
        List<Path> moved = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(store, indexFile + "*")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.contains(ASIDE)) {
                    continue; // moved aside by an earlier rebuild
                }
                Path target = store.resolve(name + ASIDE + stamp);
                for (int n = 1; Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
                    target = store.resolve(name + ASIDE + stamp + "-" + n);
                }
                Files.move(f, target, StandardCopyOption.ATOMIC_MOVE);
                moved.add(target);
            }
        }
        return moved;
    }

    /** Reads the store's plan descriptions and removes what is not trusted. */
    static Found scan(Path store) throws IOException {
        Map<String, PlanFile.Description> plans = new HashMap<>();
        List<String> removed = new ArrayList<>();
        List<Path> proxies = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(store)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(PlanFile.TEMP_SUFFIX)) {
                    remove(f, "a description the crash cut short", removed);
                } else if (name.endsWith(PlanFile.SUFFIX)) {
                    trust(store, f, plans, removed);
                } else if (PROXY.matcher(name).matches() && !name.contains(".partial.")) {
                    proxies.add(f);
                }
            }
        }
        Set<Path> described = new HashSet<>();
        for (PlanFile.Description d : plans.values()) {
            d.files().forEach(p -> described.add(p.path()));
        }
        for (Path p : proxies) {
            if (!described.contains(p)) {
                remove(p, "a proxy no whole description names (finished by a run the crash stopped, or its"
                        + " description was not trusted)", removed);
            }
        }
        Map<String, String> sources = new HashMap<>();
        Map<String, Long> newest = new HashMap<>();
        for (PlanFile.Description d : plans.values()) {
            Long before = newest.get(d.source());
            if (before == null || d.writtenMillis() > before) {
                sources.put(d.source(), d.planKey());
                newest.put(d.source(), d.writtenMillis());
            }
        }
        return new Found(Map.copyOf(plans), Map.copyOf(sources), List.copyOf(removed));
    }

    /**
     * The whole descriptions of plans the index does not list, whose proxies are all there: plans a crash stopped
     * between their description and the index's commit. Removes nothing (an index that opens is the truth).
     */
    static List<PlanFile.Description> unlisted(Path store, Set<String> listed) throws IOException {
        List<PlanFile.Description> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(store, "*" + PlanFile.SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (listed.contains(name.substring(0, name.length() - PlanFile.SUFFIX.length()))) {
                    continue;
                }
                try {
                    PlanFile.Description d = PlanFile.read(store, f);
                    Optional<String> wrong = PlanFile.checkFiles(store, d);
                    if (wrong.isEmpty()) {
                        found.add(d);
                    } else {
                        LOG.log(Level.INFO, "{0} is not listed and not whole: {1}", new Object[] {f, wrong.get()});
                    }
                } catch (IOException ex) {
                    LOG.log(Level.INFO, f + " is not listed and cannot be trusted", ex);
                }
            }
        }
        return found;
    }

    private static void trust(Path store, Path file, Map<String, PlanFile.Description> plans, List<String> removed)
            throws IOException {
        PlanFile.Description d;
        try {
            d = PlanFile.read(store, file);
        } catch (IOException ex) {
            LOG.log(Level.FINE, "plan description " + file + " not trusted", ex);
            remove(file, "not trusted: " + ex.getMessage(), removed);
            return;
        }
        Optional<String> wrong = PlanFile.checkFiles(store, d);
        if (wrong.isPresent()) {
            remove(file, "its proxies do not match it: " + wrong.get(), removed);
        } else {
            plans.put(d.planKey(), d);
        }
    }

    private static void remove(Path f, String why, List<String> removed) throws IOException {
        Files.deleteIfExists(f);
        removed.add(f.getFileName() + " (" + why + ")");
        LOG.log(Level.INFO, "removed {0} from the proxy store: {1}", new Object[] {f, why});
    }
}
