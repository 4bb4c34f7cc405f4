package org.tsperf.api.media;

/**
 * One audio stream.
 *
 * @param index           stream index in the container
 * @param codec           codec name, e.g. "aac", "pcm_s24le"
 * @param sampleRate      samples per second
 * @param channels        channel count
 * @param durationSeconds the stream's duration, 0 when unknown
 */
public record AudioStreamInfo(int index, String codec, int sampleRate, int channels, double durationSeconds) {
}
