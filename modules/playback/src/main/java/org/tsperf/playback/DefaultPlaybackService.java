package org.tsperf.playback;

import java.util.function.Supplier;
import org.openide.util.lookup.ServiceProvider;
import org.openide.util.lookup.ServiceProviders;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.playback.PlaybackService;
import org.tsperf.api.playback.Player;
import org.tsperf.api.playback.PlayerOptions;
import org.tsperf.api.playback.PlayerState;
import org.tsperf.api.timeline.PlaybackFigures;
import org.tsperf.api.timeline.PlaybackStatus;

/**
 * Makes players and reports the one that played last to the Performance Monitor. One instance for both services
 * (the platform's Lookup keeps one instance per class), owning the registry of players.
 */
@ServiceProviders({
    @ServiceProvider(service = PlaybackService.class),
    @ServiceProvider(service = PlaybackStatus.class)
})
public final class DefaultPlaybackService implements PlaybackService, PlaybackStatus {

    private final PlaybackRegistry registry = new PlaybackRegistry();

    @Override
    public Player createPlayer(PlayerOptions options) {
        return createPlayer(options, AudioSinks.DEVICE, SourceChooser::lookupDecoder);
    }

    /** A player whose sound goes to {@code sinks} and whose decoder comes from {@code decoders} (tests). */
    Player createPlayer(PlayerOptions options, AudioSinks sinks, Supplier<MediaDecoder> decoders) {
        FilePlayer player = new FilePlayer(options, sinks, decoders, registry);
        registry.opened(player);
        return player;
    }

    @Override
    public PlaybackFigures figures() {
        FilePlayer p = registry.active();
        if (p == null) {
            return new PlaybackFigures(0, 0, "nothing playing", Double.NaN, "");
        }
        PlayerState s = p.state();
        double fps = s.playing() ? s.counters().deliveredFps() : 0;
        String preview = p.shortSourceName().isEmpty() ? "nothing playing" : p.shortSourceName();
        return new PlaybackFigures(fps, s.frameRate(), preview, Double.NaN, p.resolutionName());
    }

    /** Closes every player: the module is being disabled. */
    void closeAll() {
        registry.closeAll();
    }
}
