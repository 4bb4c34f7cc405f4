package org.tsperf.api.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a media file contains, read from its container without decoding.
 *
 * @param file            absolute path
 * @param sizeBytes       file size
 * @param container       FFmpeg's short name of the container format, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
 * @param durationSeconds the container's duration, 0 when unknown
 * @param bitRate         overall bit rate in bits per second, 0 when unknown
 * @param video           video streams in file order
 * @param audio           audio streams in file order
 */
public record MediaInfo(Path file, long sizeBytes, String container, double durationSeconds, long bitRate,
        List<VideoStreamInfo> video, List<AudioStreamInfo> audio) {

    public MediaInfo {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(container, "container");
        video = List.copyOf(video);
        audio = List.copyOf(audio);
    }

    /** The first video stream, the one proxies are made of. */
    public Optional<VideoStreamInfo> mainVideo() {
        return video.stream().filter(v -> !v.attachedPicture()).findFirst();
    }
}
