package org.tsperf.proxy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyQuality;
import org.tsperf.api.proxy.ProxySettings;

/**
 * The description of one finished plan, {@code <plan key>.plan} next to its proxies: what they were made of (the
 * source's path, size, modification time and content key), with which settings, and each proxy's file, size,
 * picture size, codec and frame count. Written whole (temporary file, then renamed) after the proxies are in place
 * and before the index records the plan, and ended by a CRC-32 of the lines before it, so that a store whose index a
 * crash damaged is rebuilt from these files ({@link ProxyIndexRebuild}): a plan whose description is missing, cut
 * short or does not match its files is not trusted. One text line per field, tab-separated.
 */
final class PlanFile {

    static final String SUFFIX = ".plan";
    static final String TEMP_SUFFIX = ".plan.tmp";
    private static final String MAGIC = "tsperf-proxy-plan\t1";

    /** One proxy as described: the file as the index keeps it, and its frame count (0 when not known). */
    record Proxy(ProxyFile file, long frames) {
    }

    /**
     * A finished plan.
     *
     * @param planKey        the index's key: {@link Fingerprint#plan} of {@code content} and the settings
     * @param content        the source's content key ({@link Fingerprint#of})
     * @param sourceBytes    the source's size when its proxies were made
     * @param sourceModified its modification time then (epoch milliseconds)
     * @param writtenMillis  when the plan was finished (epoch milliseconds): its last use after a rebuild
     */
    record Description(String planKey, String content, String source, long sourceBytes, long sourceModified,
            ProxySettings settings, List<Proxy> proxies, List<String> reasons, long writtenMillis) {

        Description {
            proxies = List.copyOf(proxies);
            reasons = List.copyOf(reasons);
        }

        List<ProxyFile> files() {
            return proxies.stream().map(Proxy::file).toList();
        }

        /** The same plan made for another path of the same content (a renamed or moved source). */
        Description withSource(String newSource) {
            return new Description(planKey, content, newSource, sourceBytes, sourceModified, settings, proxies,
                    reasons, writtenMillis);
        }
    }

    private PlanFile() {
    }

    /** Where a plan's description lives in a store. */
    static Path path(Path store, String planKey) {
        return store.resolve(planKey + SUFFIX);
    }

    /**
     * Writes the description whole: a reader (or a process started after a kill -9) finds no file or the complete
     * one. Not synced to the device: a power cut may leave a named file with missing bytes, which its CRC catches.
     */
    static void write(Path store, Description d) throws IOException {
        Path target = path(store, d.planKey());
        Path temp = store.resolve(d.planKey() + TEMP_SUFFIX);
        byte[] bytes = encode(store, d).getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
        } catch (IOException ex) {
            deleteAfterFailure(temp, ex);
            throw ex;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException ex) {
            deleteAfterFailure(temp, ex);
            throw new IOException("the proxy store's file system cannot rename atomically: " + store, ex);
        } catch (IOException ex) {
            deleteAfterFailure(temp, ex);
            throw ex;
        }
    }

    private static void deleteAfterFailure(Path temp, IOException ex) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException deleting) {
            ex.addSuppressed(deleting);
        }
    }

    /**
     * Reads and checks a description: whole (its CRC), of this format, named after its own plan key, and that key the
     * one its content and settings give.
     *
     * @throws IOException saying what is wrong with it
     */
    static Description read(Path store, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int last = text.lastIndexOf("crc32\t");
        if (!text.startsWith(MAGIC + "\n") || last < 0 || !text.endsWith("\n")) {
            throw new IOException("not a whole proxy plan description (cut short, or not one)");
        }
        CRC32 crc = new CRC32();
        crc.update(text.substring(0, last).getBytes(StandardCharsets.UTF_8));
        String stored = text.substring(last + "crc32\t".length(), text.length() - 1);
        if (!stored.equals(Long.toHexString(crc.getValue()))) {
            throw new IOException("its CRC does not match its content (a damaged or half-written file)");
        }
        Description d;
        try {
            d = decode(store, text.substring(MAGIC.length() + 1, last));
        } catch (RuntimeException ex) {
            throw new IOException("it cannot be read (" + ex + ")", ex);
        }
        if (!file.getFileName().toString().equals(d.planKey() + SUFFIX)) {
            throw new IOException("it describes plan " + d.planKey() + ", not the one of its name");
        }
        if (!d.planKey().equals(Fingerprint.plan(d.content(), d.settings()))) {
            throw new IOException("its plan key is not the one of its content and settings (made by another version)");
        }
        return d;
    }

    /**
     * Each described proxy is a plain file directly in the store (not a link) of the described size; else what is
     * wrong.
     */
    static java.util.Optional<String> checkFiles(Path store, Description d) {
        for (Proxy p : d.proxies()) {
            Path f = p.file().path();
            if (!store.equals(f.getParent())) {
                return java.util.Optional.of(f + " is not in the store");
            }
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile()) {
                    return java.util.Optional.of(f.getFileName() + " is not a plain file");
                }
                if (a.size() != p.file().sizeBytes()) {
                    return java.util.Optional.of(String.format(Locale.ROOT, "%s has %d bytes, not the %d described",
                            f.getFileName(), a.size(), p.file().sizeBytes()));
                }
            } catch (IOException ex) {
                return java.util.Optional.of(f.getFileName() + " is missing (" + ex.getClass().getSimpleName() + ")");
            }
        }
        return java.util.Optional.empty();
    }

    // proxies by file name only: a moved store still works
    private static String encode(Path store, Description d) {
        StringBuilder b = new StringBuilder(MAGIC).append('\n');
        line(b, "plan", d.planKey());
        line(b, "engine", Fingerprint.ENGINE);
        line(b, "content", d.content());
        line(b, "source", d.source());
        line(b, "sourceBytes", Long.toString(d.sourceBytes()));
        line(b, "sourceModified", Long.toString(d.sourceModified()));
        line(b, "format", d.settings().format().id());
        line(b, "quality", d.settings().quality().id());
        line(b, "resolutions", ProxyParams.encode(d.settings().resolutions()));
        for (Proxy p : d.proxies()) {
            ProxyFile f = p.file();
            line(b, "proxy", f.resolution(), store.relativize(f.path()).toString(), Long.toString(f.sizeBytes()),
                    Integer.toString(f.width()), Integer.toString(f.height()), f.codec(), Long.toString(p.frames()));
        }
        for (String r : d.reasons()) {
            line(b, "reason", r);
        }
        line(b, "written", Long.toString(d.writtenMillis()));
        CRC32 crc = new CRC32();
        crc.update(b.toString().getBytes(StandardCharsets.UTF_8));
        return b.append("crc32\t").append(Long.toHexString(crc.getValue())).append('\n').toString();
    }

    private static Description decode(Path store, String body) {
        String plan = null;
        String content = null;
        String source = null;
        long bytes = -1;
        long modified = -1;
        String format = null;
        String quality = null;
        String resolutions = null;
        long written = -1;
        List<Proxy> proxies = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (String line : body.split("\n")) {
            String[] f = line.split("\t", -1);
            for (int i = 1; i < f.length; i++) {
                f[i] = unescape(f[i]);
            }
            switch (f[0]) {
                case "plan" -> plan = f[1];
                case "engine" -> {
                    if (!Fingerprint.ENGINE.equals(f[1])) {
                        throw new IllegalArgumentException("made by engine " + f[1] + ", not " + Fingerprint.ENGINE);
                    }
                }
                case "content" -> content = f[1];
                case "source" -> source = f[1];
                case "sourceBytes" -> bytes = Long.parseLong(f[1]);
                case "sourceModified" -> modified = Long.parseLong(f[1]);
                case "format" -> format = f[1];
                case "quality" -> quality = f[1];
                case "resolutions" -> resolutions = f[1];
                case "proxy" -> proxies.add(new Proxy(new ProxyFile(f[1], store.resolve(f[2]), Long.parseLong(f[3]),
                        Integer.parseInt(f[4]), Integer.parseInt(f[5]), f[6]), Long.parseLong(f[7])));
                case "reason" -> reasons.add(f[1]);
                case "written" -> written = Long.parseLong(f[1]);
                default -> throw new IllegalArgumentException("unknown line " + f[0]);
            }
        }
        if (plan == null || content == null || source == null || format == null || quality == null
                || resolutions == null || written < 0) {
            throw new IllegalArgumentException("a field is missing");
        }
        ProxySettings settings = new ProxySettings(ProxyParams.resolutions(resolutions), ProxyFormat.parse(format),
                ProxyQuality.parse(quality), store);
        return new Description(plan, content, source, bytes, modified, settings, proxies, reasons, written);
    }

    private static void line(StringBuilder b, String name, String... fields) {
        b.append(name);
        for (String f : fields) {
            b.append('\t').append(escape(f));
        }
        b.append('\n');
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
