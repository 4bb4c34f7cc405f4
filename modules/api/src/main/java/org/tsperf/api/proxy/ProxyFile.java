package org.tsperf.api.proxy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One finished proxy.
 *
 * @param resolution the resolution's name, e.g. "quarter"
 * @param path       absolute path in the proxy store
 * @param sizeBytes  file size
 * @param width      pixels
 * @param height     pixels
 * @param codec      e.g. "h264", "prores"
 */
public record ProxyFile(String resolution, Path path, long sizeBytes, int width, int height, String codec) {

    public ProxyFile {
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(codec, "codec");
    }
}
