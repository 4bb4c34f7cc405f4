package org.tsperf.proxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tsperf.api.proxy.ProxyFile;

/**
 * A separate process for {@link ProxyIndexKillNineTest}: records finished proxies in a store's index as fast as it can
 * (each record is one commit) and prints {@code committed N} after each, until killed.
 */
public final class ProxyIndexWriter {

    private ProxyIndexWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        ProxyIndex index = ProxyIndex.open(store);
        for (int i = 0; ; i++) {
            Path proxy = Files.writeString(store.resolve("plan" + i + "-half.mp4"), "proxy " + i);
            index.put("plan" + i, "/media/clip" + i + ".mov",
                    List.of(new ProxyFile("half", proxy, proxy.toFile().length(), 960, 540, "h264")),
                    List.of("Half: 960x540"));
            index.touch("plan" + i);
            System.out.println("committed " + i);
            System.out.flush();
        }
    }
}
