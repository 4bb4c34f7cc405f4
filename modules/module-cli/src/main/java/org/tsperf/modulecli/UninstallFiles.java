package org.tsperf.modulecli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.modules.InstalledFileLocator;
import org.openide.modules.Places;

/**
 * What the platform's direct uninstall leaves behind, and this command cleans up, measured here (a module removed
 * without them made the next start of the same user directory fail with "Were trying to install a module that had
 * never been checked" and a ClassNotFoundException of the gone jar):
 * <ul>
 * <li>the user directory's status file ({@code config/Modules/CNB.xml}, written once the module was enabled or
 * disabled there): the platform deletes the status files of the clusters only, so the module stays defined, waits
 * 10 s for a removal that does not come, and is loaded at the next start from a jar that is gone;</li>
 * <li>the cluster's {@code .lastModified} stamp, left as it was: the next start trusts its module caches
 * (var/cache), which still list the module.</li>
 * </ul>
 */
final class UninstallFiles {

    private static final Logger LOG = Logger.getLogger(UninstallFiles.class.getName());

    private UninstallFiles() {
    }

    /** The cluster of each module, found through its update_tracking record (before its files go). */
    static Map<String, File> clusters(Collection<String> codeNames) {
        Map<String, File> clusters = new LinkedHashMap<>();
        for (String n : codeNames) {
            File tracking = InstalledFileLocator.getDefault().locate(
                    "update_tracking/" + n.replace('.', '-') + ".xml", n, false);
            if (tracking != null) {
                clusters.put(n, tracking.getParentFile().getParentFile());
            }
        }
        return clusters;
    }

    /**
     * Deletes the user directory's status files of the modules, before the uninstall: the platform's own refresh
     * after deleting the clusters' files then finds none and removes the modules. Returns their content for
     * {@link #restore} when the uninstall fails.
     */
    static Map<Path, byte[]> setAsideStatuses(Collection<String> codeNames) throws ModuleCommandException {
        Map<Path, byte[]> kept = new LinkedHashMap<>();
        File userdir = Places.getUserDirectory();
        if (userdir == null) {
            return kept; // no user directory: no status files there
        }
        for (String n : codeNames) {
            Path status = userdir.toPath().resolve("config/Modules/" + n.replace('.', '-') + ".xml");
            try {
                if (Files.exists(status)) {
                    kept.put(status, Files.readAllBytes(status));
                    Files.delete(status);
                    LOG.log(Level.INFO, "deleted {0}: {1} is being uninstalled", new Object[] {status, n});
                }
            } catch (IOException ex) {
                restore(kept);
                throw new ModuleCommandException(n + " was not uninstalled: its status file " + status
                        + " in the user directory could not be deleted (" + ex.getMessage() + ")", ex);
            }
        }
        return kept;
    }

    /** Puts the status files back after a failed uninstall (what could not be put back is logged). */
    static void restore(Map<Path, byte[]> statuses) {
        statuses.forEach((status, content) -> {
            try {
                Files.write(status, content);
            } catch (IOException ex) {
                LOG.log(Level.WARNING, "could not put back " + status + " after a failed uninstall", ex);
            }
        });
    }

    /** Marks the clusters changed, so that the next start reads them again instead of its caches. */
    static void touch(Collection<File> clusters) throws ModuleCommandException {
        for (File cluster : new LinkedHashSet<>(clusters)) {
            Path stamp = cluster.toPath().resolve(".lastModified");
            try {
                if (!Files.exists(stamp)) {
                    Files.createFile(stamp);
                }
                Files.setLastModifiedTime(stamp, FileTime.fromMillis(System.currentTimeMillis()));
            } catch (IOException ex) {
                throw new ModuleCommandException("the modules were uninstalled but " + stamp + " could not be"
                        + " touched (" + ex.getMessage() + "); touch it by hand, else the next start still loads"
                        + " them", ex);
            }
        }
    }
}
