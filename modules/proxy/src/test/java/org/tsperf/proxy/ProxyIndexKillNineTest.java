package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process committing to a proxy store's index all the time is killed with kill -9, three times: the index opens
 * again each time (no "cannot be read"), and every plan committed before the kill is there with its proxy.
 */
class ProxyIndexKillNineTest {

    @TempDir
    Path store;

    @Test
    @Timeout(180)
    @org.junit.jupiter.api.Disabled("finds a real fault, not yet fixed: a kill -9 in a commit can leave MapDB's index"
            + " unreadable (ArrayIndexOutOfBoundsException replaying it, one run in a few); the proxy index needs"
            + " self-describing proxy files to be rebuilt from, as the cache's disk levels have (issue 13)")
    void committedPlansSurviveAKillInTheMiddleOfCommits() throws Exception {
        for (int round = 0; round < 3; round++) {
            int last = writeAndKill(40 + round * 30);
            ProxyIndex index = ProxyIndex.open(store); // throws when the kill left it unreadable
            try {
                for (int i = 0; i <= last; i++) {
                    assertTrue(index.finished("plan" + i).isPresent(), "plan " + i + " of " + last
                            + " committed before the kill of round " + round);
                }
            } finally {
                index.close();
            }
        }
    }

    private int writeAndKill(int commits) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ProxyIndexWriter.class.getName(), store.toString()).redirectErrorStream(true).start();
        int last = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    last = Integer.parseInt(line.substring("committed ".length()));
                    if (last >= commits) {
                        break;
                    }
                } else {
                    System.err.println("writer: " + line);
                }
            }
            assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(writer.pid())).inheritIO().start()
                    .waitFor());
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, writer.exitValue(), "killed by SIGKILL");
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    last = Integer.parseInt(line.substring("committed ".length()));
                }
            }
        } finally {
            writer.destroyForcibly();
        }
        assertTrue(last >= commits, "the writer reached " + last + " commits");
        return last;
    }
}
