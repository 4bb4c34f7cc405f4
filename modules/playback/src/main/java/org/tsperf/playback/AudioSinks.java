package org.tsperf.playback;

import java.util.Optional;
import org.tsperf.api.media.AudioFormat;

/** Where a player's sound goes: the machine's device by default; tests give a silent sink to measure sync. */
@FunctionalInterface
interface AudioSinks {

    /** A sink for this format, or empty where sound cannot play (then playback is silent, on a monotonic clock). */
    Optional<AudioSink> open(AudioFormat format);

    AudioSinks DEVICE = JavaSoundSink::open;
}
