package org.tsperf.api.media;

import java.nio.file.Path;

/**
 * Reads what a media file contains without decoding it (container header and stream parameters only). Provided by
 * the media module; thread-safe, may be called from any thread but never from the event thread (it reads the file).
 */
public interface MediaProbe {

    /**
     * @throws MediaException with a {@link MediaException.Problem} and a message that says what is wrong with the
     *                        file and what to do
     */
    MediaInfo probe(Path file) throws MediaException;
}
