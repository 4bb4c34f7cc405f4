package org.tsperf.api.media;

/**
 * Interleaved signed 16-bit little-endian PCM, the format {@link AudioSource} delivers.
 *
 * @param sampleRate samples per second per channel
 * @param channels   1 or 2
 */
public record AudioFormat(int sampleRate, int channels) {

    public AudioFormat {
        if (sampleRate < 8000 || sampleRate > 192000 || channels < 1 || channels > 2) {
            throw new IllegalArgumentException("audio format out of range: " + sampleRate + " Hz, " + channels
                    + " channels");
        }
    }

    public static AudioFormat stereo48k() {
        return new AudioFormat(48000, 2);
    }

    public int bytesPerFrame() {
        return 2 * channels;
    }
}
