package org.tsperf.api.media;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Thumbnail strips of sources, made by background tasks and kept in the frame cache (so a strip seen once comes back
 * from RAM or disk instead of being decoded again). Thread-safe; no method blocks.
 */
public interface ThumbnailService {

    /**
     * The strip of a source: {@code count} thumbnails {@code width} pixels wide, evenly spread over its duration.
     *
     * @return completes with the thumbnails in time order, or exceptionally with a message saying what is wrong with
     *         the file
     */
    CompletableFuture<List<Thumbnail>> strip(Path source, int count, int width);
}
