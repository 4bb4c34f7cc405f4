package org.tsperf.proxy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxySettings;

/**
 * A separate process for {@link ProxyIndexKillNineTest}: finishes plans in a store as the proxy task does, as fast as
 * it can (each proxy written to a partial file and renamed into place, then the plan described and recorded in one
 * commit, then its last use recorded) and prints {@code committed N} after each, until killed.
 */
public final class ProxyIndexWriter {

    private ProxyIndexWriter() {
    }

    /** The source of plan {@code i}. */
    static String source(int i) {
        return "/media/clip" + i + ".mov";
    }

    /** The content key of the source of plan {@code i}. */
    static String content(int i) {
        return HexFormat.of().formatHex(("clip " + i).getBytes(StandardCharsets.UTF_8));
    }

    static ProxySettings settings(Path store) {
        return ProxySettings.defaults(store);
    }

    static String planKey(Path store, int i) {
        return Fingerprint.plan(content(i), settings(store));
    }

    /**
     * The bytes of a proxy of plan {@code i}: 1 to 5 KiB, so that a kill can land in the middle of one, while most
     * of the writer's time goes to commits, where a kill can damage MapDB's file.
     */
    static byte[] proxyBytes(int i, ProxyResolution r) {
        byte[] b = new byte[(1 << 10) + (i % 5) * (1 << 10)];
        Arrays.fill(b, (byte) (i * 31 + r.name().length()));
        return b;
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        ProxySettings settings = settings(store);
        ProxyIndex index = ProxyIndex.open(store);
        for (int i = first; ; i++) {
            List<PlanFile.Proxy> proxies = new ArrayList<>();
            for (ProxyResolution r : settings.resolutions()) {
                String name = Fingerprint.proxy(content(i), settings, settings.quality().id(), r) + "-" + r.name();
                Path partial = Files.write(store.resolve(name + ".partial.writer.mp4"), proxyBytes(i, r));
                Path proxy = Files.move(partial, store.resolve(name + ".mp4"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                int width = (int) Math.round(1920 * r.scale());
                proxies.add(new PlanFile.Proxy(new ProxyFile(r.name(), proxy, Files.size(proxy), width, width * 9 / 16,
                        "h264"), 25));
            }
            index.put(new PlanFile.Description(planKey(store, i), content(i), source(i), 1000 + i, 1_700_000_000_000L,
                    settings, proxies, List.of("made by the writer"), System.currentTimeMillis()));
            index.touch(planKey(store, i));
            System.out.println("committed " + i);
            System.out.flush();
        }
    }
}
