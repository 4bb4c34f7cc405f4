package org.tsperf.modulecli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.modules.Places;

/**
 * What changed in an NBM the platform's validation marked as modified, for a message that says it: its signed content
 * (a digest of the signature no longer matches, e.g. a class changed in the module's jar), or only what the update
 * center's checksum covers (an entry added after signing). Reads the NBM the platform downloaded into a cluster's
 * {@code update/download/} before the installation is cancelled.
 */
final class DownloadedNbm {

    private static final Logger LOG = Logger.getLogger(DownloadedNbm.class.getName());

    private DownloadedNbm() {
    }

    /** The signature's complaint ("SHA-256 digest error for ..."), or empty when every signed entry still matches. */
    static Optional<String> signatureBroken(String codeName) {
        Optional<File> nbm = find(codeName);
        if (nbm.isEmpty()) {
            return Optional.empty();
        }
        try (JarFile jar = new JarFile(nbm.get(), true)) {
            for (JarEntry e : Collections.list(jar.entries())) {
                try (InputStream in = jar.getInputStream(e)) {
                    in.transferTo(OutputStream.nullOutputStream()); // a signed entry is checked as it is read
                }
            }
            return Optional.empty();
        } catch (SecurityException ex) {
            return Optional.of(ex.getMessage());
        } catch (IOException ex) {
            LOG.log(Level.INFO, "the downloaded NBM " + nbm.get() + " cannot be read again", ex);
            return Optional.of("the NBM cannot be read: " + ex.getMessage());
        }
    }

    private static Optional<File> find(String codeName) {
        String name = codeName.replace('.', '-') + ".nbm";
        for (File cluster : clusters()) {
            File nbm = new File(cluster, "update/download/" + name);
            if (nbm.isFile()) {
                return Optional.of(nbm);
            }
        }
        return Optional.empty();
    }

    private static List<File> clusters() {
        List<File> clusters = new ArrayList<>();
        String dirs = System.getProperty("netbeans.dirs", "");
        for (String d : dirs.split(File.pathSeparator)) {
            if (!d.isBlank()) {
                clusters.add(new File(d));
            }
        }
        String home = System.getProperty("netbeans.home");
        if (home != null) {
            clusters.add(new File(home));
        }
        if (Places.getUserDirectory() != null) {
            clusters.add(Places.getUserDirectory());
        }
        return clusters;
    }
}
