package org.tsperf.playback;

import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.media.AudioFormat;
import org.tsperf.api.media.AudioSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.playback.PlayerOptions;

/** The sound of the file a player plays, on a sink, and the clock while it plays. Thread-safe. */
final class FileSound {

    private static final Logger LOG = Logger.getLogger(FileSound.class.getName());

    private final PlayerOptions options;
    private final AudioSinks sinks;
    private final SourceChooser chooser;
    private volatile AudioOutput audio;

    FileSound(PlayerOptions options, AudioSinks sinks, SourceChooser chooser) {
        this.options = options;
        this.sinks = sinks;
        this.chooser = chooser;
    }

    /** Opens the sound of {@code original} (closing the one before), when sound is on and it has some. */
    void open(Path original) {
        close();
        if (!options.audio()) {
            return;
        }
        MediaDecoder decoder = chooser.decoder();
        if (!decoder.hasAudio(original)) {
            return;
        }
        AudioFormat format = AudioFormat.stereo48k();
        Optional<AudioSink> sink = sinks.open(format);
        if (sink.isEmpty()) {
            return;
        }
        try {
            AudioSource sound = decoder.openAudio(original, format);
            audio = new AudioOutput(sound, sink.get());
        } catch (MediaException ex) {
            sink.get().close();
            LOG.log(Level.INFO, "{0}: its sound cannot be played ({1}); playing silently",
                    new Object[] {original, ex.getMessage()});
        }
    }

    /** The sound's clock, or null without sound. */
    AudioOutput clock() {
        return audio;
    }

    void stop() {
        AudioOutput a = audio;
        if (a != null) {
            a.stop();
        }
    }

    void close() {
        AudioOutput a = audio;
        audio = null;
        if (a != null) {
            a.close();
        }
    }

    boolean playing() {
        return audio != null;
    }
}
