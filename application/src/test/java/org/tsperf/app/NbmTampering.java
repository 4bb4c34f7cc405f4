package org.tsperf.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Copies of nbm-repo's catalog with an NBM changed after signing, as an attacker or a broken mirror would. */
final class NbmTampering {

    private NbmTampering() {
    }

    /** A copy of nbm-repo's catalog and NBMs in {@code copy}; without the SHA-512 checksums when asked. */
    static Path copyCatalog(Path copy, boolean withoutChecksums) throws IOException {
        Path root = Path.of(System.getProperty("tsperf.root", "..")).toAbsolutePath().normalize();
        UpdateCenterTest.replaceWithCopy(root.resolve("nbm-repo/netbeans_site"), copy);
        Files.deleteIfExists(copy.resolve("updates.xml.gz"));
        if (withoutChecksums) {
            Path xml = copy.resolve("updates.xml");
            String catalog = Files.readString(xml);
            String stripped = catalog.replaceAll("\\s*<message_digest [^>]*/>", "");
            if (stripped.equals(catalog)) {
                throw new AssertionError("the catalog " + xml + " had no checksums to strip");
            }
            Files.writeString(xml, stripped);
        }
        return copy;
    }

    /**
     * Changes one byte of a class inside the module's jar inside the NBM ({@code moduleJar}, e.g.
     * {@code netbeans/modules/org-tsperf-monitor.jar}) and packs both again; the NBM's signature files are kept.
     */
    static void changeAClassInTheModuleJar(Path nbm, String moduleJar) throws IOException {
        Path copy = nbm.resolveSibling(nbm.getFileName() + ".tmp");
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(nbm));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(moduleJar)) {
                    content = withAClassChanged(content);
                    found = true;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        if (!found) {
            Files.delete(copy);
            throw new AssertionError(nbm + " has no " + moduleJar);
        }
        Files.move(copy, nbm, StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] withAClassChanged(byte[] jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (!changed && e.getName().endsWith(".class")) {
                    content[content.length / 2] ^= 0x01; // one bit of one byte, past the class file's header
                    changed = true;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        if (!changed) {
            throw new AssertionError("the module jar has no class");
        }
        return bytes.toByteArray();
    }
}
