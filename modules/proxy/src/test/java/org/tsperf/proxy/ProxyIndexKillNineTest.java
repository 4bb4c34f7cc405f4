package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.testsupport.KillNineChild;

/**
 * A process finishing plans in a proxy store all the time is killed with kill -9, again and again, each time
 * continuing in the same store: the index opens again each time, as it was or rebuilt from the plan descriptions
 * when the kill damaged it; every plan committed before a kill is there with whole proxies, no proxy that is not
 * whole is listed, and playback finds the proxies.
 */
class ProxyIndexKillNineTest {

    /** Kills per run; {@code -Dtsperf.killnine.rounds=100} makes a soak that meets MapDB's damage several times. */
    private static final int ROUNDS = Integer.getInteger("tsperf.killnine.rounds", 6);
    /** How long a writer may take to reach its commits on a loaded machine before the round fails. */
    private static final Duration WRITER_DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path store;

    @AfterEach
    void reset() {
        ProxyEngine.get().close();
        ProxyConfigStore.resetMemory();
    }

    @Test
    @Timeout(900) // each round has its own deadline; a soak adds -Djunit.jupiter.execution.timeout.mode=disabled
    void committedPlansSurviveAKillInTheMiddleOfCommits() throws Exception {
        ProxyConfigStore.save(ProxyConfig.defaults(store));
        ProxyService service = Lookup.getDefault().lookup(ProxyService.class);
        int next = 0;
        int rebuilt = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int last = writeAndKill(next, next + 25 + (round % 6) * 15);
            ProxyIndex index = ProxyEngine.get().index(store); // rebuilds when the kill left it unreadable
            try {
                if (index.rebuiltFrom().isPresent()) {
                    rebuilt++;
                    System.err.println("round " + round + ": the kill damaged the index; rebuilt, the damaged files"
                            + " kept as " + index.rebuiltFrom().get());
                    for (Path aside : index.rebuiltFrom().get()) {
                        assertTrue(Files.isRegularFile(aside), "kept: " + aside);
                    }
                }
                for (int i = 0; i <= last; i++) {
                    String what = "plan " + i + " of " + last + ", committed before the kill of round " + round;
                    ProxyIndex.Entry e = index.finished(ProxyIndexWriter.planKey(store, i)).orElseThrow(() ->
                            new AssertionError(what + " is gone"));
                    assertEquals(ProxyIndexWriter.source(i), e.source(), what);
                    assertEquals(2, e.proxies().size(), what);
                    assertEquals(ProxyIndexWriter.planKey(store, i), index.sources().get(ProxyIndexWriter.source(i)),
                            what + ": its source is listed (" + index.sources().size() + " sources, rebuilt "
                            + index.rebuiltFrom().isPresent() + ")");
                    ProxyFile played = service.proxyForPlayback(Path.of(ProxyIndexWriter.source(i)), 900)
                            .orElseThrow(() -> new AssertionError(what + ": playback finds no proxy"));
                    assertEquals("half", played.resolution(), what);
                }
                for (ProxyIndex.Stored s : index.stored()) { // whatever the index lists is whole
                    int i = Integer.parseInt(s.entry().source().replaceAll("\\D", ""));
                    for (ProxyFile p : s.entry().proxies()) {
                        ProxyResolution r = ProxyResolution.BUILT_IN.stream()
                                .filter(x -> x.name().equals(p.resolution())).findFirst().orElseThrow();
                        assertArrayEquals(ProxyIndexWriter.proxyBytes(i, r), Files.readAllBytes(p.path()),
                                "listed proxy " + p.path().getFileName() + " of plan " + i + " is whole");
                        assertEquals(Files.size(p.path()), p.sizeBytes());
                    }
                    next = Math.max(next, i + 1);
                }
                if (index.rebuiltFrom().isPresent()) {
                    try (Stream<Path> files = Files.list(store)) {
                        List<String> temps = files.map(f -> f.getFileName().toString())
                                .filter(n -> n.endsWith(PlanFile.TEMP_SUFFIX)).toList();
                        assertEquals(List.of(), temps, "half-written descriptions are removed by a rebuild");
                    }
                }
            } finally {
                index.close();
            }
            next = Math.max(next, last + 1);
        }
        try (Stream<Path> files = Files.list(store)) {
            long aside = files.filter(f -> f.getFileName().toString().startsWith(ProxyIndex.FILE
                    + ProxyIndexRebuild.ASIDE)).count();
            // a writer may meet the damage first, in a write: it rebuilds the index itself
            System.err.println(ROUNDS + " kills; the index was rebuilt " + rebuilt + " time(s) on opening here, "
                    + aside + " damaged index file(s) moved aside in all");
        }
    }

    /**
     * Starts a writer JVM at plan {@code first}, waits (with a deadline, not a sleep) until it has committed plan
     * {@code upTo}, kills it with kill -9; returns the last plan it said it committed.
     */
    private int writeAndKill(int first, int upTo) throws Exception {
        return KillNineChild.writeAndKill(WRITER_DEADLINE, upTo, ProxyIndexWriter.class, store.toString(),
                Integer.toString(first));
    }
}
