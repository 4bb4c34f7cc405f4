package org.tsperf.api.util;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Reads one stored setting so that a corrupt or hand-edited value never stops a start: a value that does not parse
 * or is out of range gives the default, and a WARNING names the setting, the value found and why it is not used.
 * May be called from any thread.
 */
public final class StoredSettings {

    private static final Logger LOG = Logger.getLogger(StoredSettings.class.getName());
    /** Room beyond the file's new content the trial write takes. */
    private static final int TRIAL_MARGIN = 4096;
    private static final String UNCHANGED = "the settings stay as they were";

    private StoredSettings() {
    }

    /**
     * The value stored under {@code key}, parsed; {@code fallback} when nothing (or a blank) is stored.
     *
     * @param parse turns the stored text into the value; throws {@link IllegalArgumentException} (a
     *              {@link NumberFormatException} is one) when the text is not usable
     */
    public static <T> T read(Preferences node, String key, T fallback, Function<String, T> parse) {
        String raw = node.get(key, null);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(raw.trim());
        } catch (IllegalArgumentException ex) {
            LOG.log(Level.WARNING, "The stored setting {0} ({1}) is not usable: \"{2}\" ({3}); using the default {4}",
                    new Object[] {key, node.absolutePath(), raw, ex.getMessage(), fallback});
            return fallback;
        }
    }

    /**
     * Saves {@code values} under their keys and writes the node to its store now (in the workbench the user
     * directory's {@code config/Preferences/<node>.properties}), so that a crash right after OK keeps them.
     *
     * <p>The platform's preferences rewrite that file in place (tried on RELEASE280 with a full tmpfs: the file is
     * left cut at the disk's last free block and read back as a damaged value, and the failed write keeps the file
     * locked, so every later save of that module fails until a restart; their own delayed write only logs). So
     * before any value is set, the file's new content (and a little more) is written and synced beside it, as a
     * trial: a disk without room for it fails here, while the file and the values in memory are still the old ones.
     * Not on the event thread (it writes and syncs a file). May be called from any thread.
     *
     * @throws SettingsNotSavedException when the settings cannot be written (the message names the file, the disk
     *         and what to do); nothing was changed then, and saving again once there is room works
     */
    public static void save(Preferences node, Map<String, String> values) {
        Optional<Path> file = file(node);
        if (file.isPresent()) {
            trial(node, values, file.get());
        }
        values.forEach(node::put);
        try {
            node.flush();
        } catch (BackingStoreException ex) { // the room taken between the trial and this write: the values are set
            throw notSaved(file.orElse(Path.of(node.absolutePath())), ex, "they hold until the workbench closes");
        }
    }

    /** The file the platform's preferences keep the node in; empty in a plain JVM (settings in memory). */
    static Optional<Path> file(Preferences node) {
        if (node instanceof MemoryPreferences) {
            return Optional.empty();
        }
        return Workbench.userDirectory().map(u -> u.resolve("config/Preferences" + node.absolutePath()
                + ".properties"));
    }

    private static void trial(Preferences node, Map<String, String> values, Path file) {
        Properties next = new Properties();
        try {
            for (String k : node.keys()) {
                next.setProperty(k, node.get(k, ""));
            }
        } catch (BackingStoreException ex) {
            throw notSaved(file, ex, UNCHANGED);
        }
        next.putAll(values);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            next.store(bytes, null);
        } catch (IOException ex) {
            throw new UncheckedIOException("writing to memory", ex);
        }
        Path trial = file.resolveSibling(file.getFileName() + ".saving");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(trial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                // zeros take the room as the text would; the margin: the platform's format differs a little
                ByteBuffer b = ByteBuffer.allocate(bytes.size() + TRIAL_MARGIN);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
        } catch (IOException ex) {
            throw notSaved(file, ex, UNCHANGED);
        } finally {
            try {
                Files.deleteIfExists(trial);
            } catch (IOException ex) {
                LOG.log(Level.WARNING, "could not remove the trial file " + trial, ex);
            }
        }
    }

    /** {@code after}: what the settings are after the failed save (ends the message). */
    private static SettingsNotSavedException notSaved(Path file, Exception cause, String after) {
        String disk = disk(file);
        String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        boolean full = reason.contains("No space left") || reason.contains("Disk quota");
        String message = full
                ? "The settings could not be saved: the disk that holds " + file + " is full (" + disk + "). Free"
                        + " space on it and save again; " + after + "."
                : "The settings could not be saved to " + file + " (on " + disk + "): " + reason + ". Check that the"
                        + " user directory is writable and save again; " + after + ".";
        LOG.log(Level.INFO, message, cause); // thrown: the caller reports it
        return new SettingsNotSavedException(file, message, cause);
    }

    /** The file system that holds {@code file} (its mount point and device), from its nearest existing folder. */
    private static String disk(Path file) {
        for (Path p = file.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    FileStore store = Files.getFileStore(p);
                    return store + ", " + store.getUsableSpace() + " bytes free";
                } catch (IOException ex) {
                    return p.toString();
                }
            }
        }
        return String.valueOf(file.getRoot());
    }
}
