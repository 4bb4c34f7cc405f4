package org.tsperf.playback;

import org.openide.modules.ModuleInstall;
import org.openide.util.Lookup;
import org.tsperf.api.playback.PlaybackService;

/** Stops every player (threads, decoders, sound) when the module is disabled or the application exits. */
public final class PlaybackLifecycle extends ModuleInstall {

    @Override
    public void uninstalled() {
        closePlayers();
    }

    @Override
    public void close() {
        closePlayers();
    }

    private static void closePlayers() {
        for (PlaybackService s : Lookup.getDefault().lookupAll(PlaybackService.class)) {
            if (s instanceof DefaultPlaybackService service) {
                service.closeAll();
            }
        }
    }
}
