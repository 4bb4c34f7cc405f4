package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.PixelFormat;

/** The encoder child's tail after the last frame is reported as it goes, so a watchdog sees the export alive. */
class ExportEncoderTest {

    @Test
    void finishingReportsWhileTheChildIsStillEncoding() throws Exception {
        // a child that takes every frame, then works three more seconds, as x264 does with its lookahead
        Path sh = Path.of("/bin/sh");
        AtomicInteger calls = new AtomicInteger();
        long started = System.nanoTime();
        try (ExportEncoder e = new ExportEncoder(sh, List.of("-c", "cat > /dev/null; sleep 3"), 16)) {
            e.write(new Frame(2, 2, PixelFormat.RGBA8, ByteBuffer.allocate(16)));
            e.finish(calls::incrementAndGet);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds >= 3, "finish waited for the child: " + seconds + " s");
        assertTrue(calls.get() >= 2, "reported while waiting about once a second: " + calls.get() + " times");
    }
}
