package org.tsperf.wizard;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.optimize.DiskDescription;
import org.tsperf.api.optimize.DiskKind;

/**
 * The disks this user can keep caches on: every writable local file store (tmpfs and other memory or pseudo file
 * systems left out), its kind from {@code /sys/block}, its free space, and a measured write and read speed.
 */
final class DiskSurvey {

    private static final Logger LOG = Logger.getLogger(DiskSurvey.class.getName());
    private static final Set<String> NETWORK = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs",
            "fuse.sshfs", "9p", "ceph", "glusterfs");
    private static final Set<String> DISK = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "zfs", "f2fs", "vfat",
            "exfat", "ntfs", "ntfs3", "fuseblk", "jfs", "reiserfs", "bcachefs", "overlay");

    private DiskSurvey() {
    }

    /** The default cache base: as the cache module decides it ({@code tsperf.cache.dir}, XDG, ~/.cache). */
    static Path defaultCacheBase() {
        String dir = System.getProperty("tsperf.cache.dir");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "tsperf").toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "tsperf");
    }

    static List<DiskDescription> survey(long testBytes, Consumer<String> progress, BooleanSupplier cancelled) {
        Path home = defaultCacheBase();
        List<DiskDescription> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (FileStore store : FileSystems.getDefault().getFileStores()) {
            String type = store.type().toLowerCase(Locale.ROOT);
            if (!DISK.contains(type) && !NETWORK.contains(type)) {
                continue;
            }
            Path mount = mountOf(store);
            if (mount == null || seen.contains(store.name())) {
                continue; // bind mounts and snapshots show one device several times
            }
            seen.add(store.name());
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled while measuring the disks");
            }
            Path base = home.startsWith(mount) && longestMountFor(home).equals(mount) ? home
                    : mount.resolve("tsperf-cache");
            Path testDir = base.equals(home) ? writableHome(home) : Files.isWritable(mount) ? mount : null;
            if (testDir == null) {
                LOG.log(Level.FINE, "{0} is not writable for this user: no cache level there", mount);
                continue;
            }
            DiskKind kind = NETWORK.contains(type) ? DiskKind.NETWORK : kindOf(store.name());
            try {
                long total = store.getTotalSpace();
                long free = Math.min(total, store.getUsableSpace());
                double write = Double.NaN;
                double read = Double.NaN;
                if (free > 4 * testBytes) {
                    progress.accept("disk " + mount + " (" + kind.name().toLowerCase(Locale.ROOT) + ")");
                    DiskSpeed.Result r = DiskSpeed.measure(testDir, testBytes, cancelled);
                    write = r.writeMBps();
                    read = r.readMBps();
                }
                out.add(new DiskDescription(mount.toString(), base.toString(), kind, total, free, write, read));
            } catch (IOException ex) {
                LOG.log(Level.INFO, "could not measure " + mount + "; it takes no cache level", ex);
            }
        }
        out.sort(Comparator.comparing(DiskDescription::mount));
        return out;
    }

    private static Path longestMountFor(Path p) {
        try {
            return mountOf(Files.getFileStore(existing(p)));
        } catch (IOException ex) {
            LOG.log(Level.FINE, "no file store for " + p, ex);
            return Path.of("/");
        }
    }

    private static Path existing(Path p) {
        Path q = p;
        while (q != null && !Files.exists(q)) {
            q = q.getParent();
        }
        return q == null ? Path.of("/") : q;
    }

    /** The mount point from the store's description, "/home (/dev/sda2)" on Linux. */
    private static Path mountOf(FileStore store) {
        String s = store.toString();
        int paren = s.lastIndexOf(" (");
        String mount = paren > 0 ? s.substring(0, paren) : s;
        return mount.startsWith("/") ? Path.of(mount) : null;
    }

    /** The default cache base, created (the cache module would create it at its first use), or null. */
    private static Path writableHome(Path home) {
        try {
            Files.createDirectories(home);
            return Files.isWritable(home) ? home : null;
        } catch (IOException ex) {
            LOG.log(Level.INFO, "cannot create the cache folder " + home, ex);
            return null;
        }
    }

    /** From the device name, e.g. "/dev/nvme0n1p2" or "/dev/sda1": rotational says HDD, else SSD. */
    static DiskKind kindOf(String device) {
        if (!device.startsWith("/dev/")) {
            return DiskKind.UNKNOWN;
        }
        String dev = device.substring("/dev/".length());
        if (dev.startsWith("nvme")) {
            return DiskKind.NVME;
        }
        String block = dev.replaceAll("\\d+$", "");
        Path rotational = Path.of("/sys/block", block, "queue", "rotational");
        try {
            String v = Files.readString(rotational).trim();
            return "1".equals(v) ? DiskKind.HDD : "0".equals(v) ? DiskKind.SSD : DiskKind.UNKNOWN;
        } catch (IOException ex) {
            LOG.log(Level.FINE, "no " + rotational, ex);
            return DiskKind.UNKNOWN;
        }
    }
}
