package org.tsperf.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.openide.util.lookup.Lookups;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.optimize.MediaDescription;
import org.tsperf.api.optimize.SystemDescription;
import org.tsperf.api.proxy.ProxyMedia;
import org.tsperf.api.proxy.ProxyMediaList;

/** The survey on fake proxy and media services; the disk test is made too large to run (no writes outside @TempDir). */
class MachineSurveyTest {

    @TempDir
    Path home;

    private static final Path CLIP = Path.of("/media/a.mov");
    private static final Path BROKEN = Path.of("/media/broken.mp4");
    private static final Path OFFLINE = Path.of("/offline/b.mp4");

    @BeforeEach
    void cacheInTempDir() {
        System.setProperty("tsperf.cache.dir", home.resolve("cache").toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("tsperf.cache.dir");
    }

    private static final class Media implements ProxyMediaList {
        @Override
        public List<ProxyMedia> media() {
            return List.of(new ProxyMedia(CLIP, true, "", List.of(), List.of()),
                    new ProxyMedia(BROKEN, true, "", List.of(), List.of()),
                    new ProxyMedia(OFFLINE, false, "", List.of(), List.of()));
        }

        @Override
        public CompletableFuture<String> addMedia(List<Path> filesOrFolders) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeMedia(Path source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<String> deleteProxies(Path source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<String> cleanUp() {
            throw new UnsupportedOperationException();
        }
    }

    private static final MediaProbe PROBE = file -> {
        if (!file.equals(CLIP)) {
            throw new MediaException(file, MediaException.Problem.values()[0], "not readable");
        }
        VideoStreamInfo v = new VideoStreamInfo(0, "prores", "HQ", 2160, 3840, "yuv422p10le", 10, 25, false, 90,
                "bt709", "tv", 250, 10, false);
        return new MediaInfo(file, 1000, "mov", 10, 1, List.of(v), List.of());
    };

    @Test
    void theWorkloadIsTheOnlineReadableMediaAsDisplayed() {
        List<String> steps = new ArrayList<>();
        SystemDescription d = new MachineSurvey(Lookups.fixed(new Media(), PROBE), Long.MAX_VALUE / 8)
                .measure(steps::add, () -> false);
        assertEquals(List.of(new MediaDescription(3840, 2160, "prores", 25, 10)), d.workload().media(),
                "rotated 90 degrees: displayed 3840x2160; the broken and the offline source left out");
        assertEquals(10, d.workload().projectSeconds(), 1e-9);
        assertEquals(Runtime.getRuntime().availableProcessors(), d.hardware().cores());
        assertTrue(d.hardware().ramBytes() > 0);
        assertEquals("", d.hardware().gpuPath(), "no GPU module in this lookup");
        assertEquals(Set.of(), d.installedModules(), "no feature module's service in this lookup");
        assertTrue(steps.contains("media the Proxy Manager knows"), steps.toString());
        assertEquals(List.of(), d.hardware().codecChecks(), "no proxy engine to test the codecs in this lookup");
        assertEquals(List.of(), d.hardware().hardwareEncoders());
        assertTrue(d.hardware().disks().stream().noneMatch(x -> x.measured()), "the disk test was too large to run");
    }

    @Test
    void cancellingStopsTheSurvey() {
        MachineSurvey survey = new MachineSurvey(Lookup.EMPTY, Long.MAX_VALUE / 8);
        assertThrows(CancellationException.class, () -> survey.measure(s -> { }, () -> true));
    }
}
