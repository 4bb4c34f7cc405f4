package org.tsperf.api.media;

import java.nio.file.Path;

/**
 * The command-line tools the media engine bundles, for callers that compare against them (benchmarks) or run them
 * as a separate process. Provided through Lookup by the media module; may be called from any thread but the event
 * thread (the first call may unpack native files, about a second).
 */
public interface MediaTools {

    /**
     * The bundled {@code ffmpeg} executable, the same one the proxy engine runs.
     *
     * @throws IllegalStateException when it cannot be unpacked on this machine, saying why
     */
    Path ffmpeg();
}
