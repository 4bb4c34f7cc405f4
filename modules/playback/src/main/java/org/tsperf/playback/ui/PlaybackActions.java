package org.tsperf.playback.ui;

import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/**
 * The Viewer's commands in the Playback menu. Each is a callback action (the field holds its key): it runs the
 * command of that key in the active window's action map (the Viewer binds them, with its keys: Space, J/K/L,
 * arrows, Home/End, I/O), and is disabled where no Viewer is active. The keys stay the Viewer's own, so typing a J in a text field elsewhere
 * never starts playback.
 */
@Messages({
    "CTL_PlaybackMenu=&Playback",
    "CTL_PlayPause=Play / Pause (Space)",
    "CTL_Pause=Stop (K)",
    "CTL_ShuttleBack=Play Backwards, Faster Each Time (J)",
    "CTL_ShuttleForward=Play Forward, Faster Each Time (L)",
    "CTL_StepBack=Previous Frame (Left)",
    "CTL_StepForward=Next Frame (Right)",
    "CTL_Home=Go to Start (Home)",
    "CTL_End=Go to End (End)",
    "CTL_MarkIn=Mark Loop In (I)",
    "CTL_MarkOut=Mark Loop Out (O)"
})
public final class PlaybackActions {

    @ActionID(category = "Playback", id = "org.tsperf.playback.ui.PlayPause")
    @ActionRegistration(displayName = "#CTL_PlayPause")
    @ActionReference(path = "Menu/Playback", position = 100)
    public static final String PLAY_PAUSE = "togglePlay";

    @ActionID(category = "Playback", id = "org.tsperf.playback.ui.Pause")
    @ActionRegistration(displayName = "#CTL_Pause")
    @ActionReference(path = "Menu/Playback", position = 110)
    public static final String PAUSE = "pause";

    @ActionID(category = "Playback", id = "org.tsperf.playback.ui.ShuttleBack")
    @ActionRegistration(displayName = "#CTL_ShuttleBack")
    @ActionReference(path = "Menu/Playback", position = 120)
    public static final String SHUTTLE_BACK = "shuttleBack";

    @ActionID(category = "Playback", id = "org.tsperf.playback.ui.ShuttleForward")
    @ActionRegistration(displayName = "#CTL_ShuttleForward")
    @ActionReference(path = "Menu/Playback", position = 130)
    public static final String SHUTTLE_FORWARD = "shuttleForward";

    @ActionID(category = "Playback", id = "org.tsperf.playback.ui.StepBack")
    @ActionRegistration(displayName = "#CTL_StepBack")
    @ActionReference(path = "Menu/Playback", position = 200, separatorBefore = 190)
    public static final String STEP_BACK = "stepBack";

    @ActionID(category = "Playback", id = "org.tsperf.playback.ui.StepForward")
    @ActionRegistration(displayName = "#CTL_StepForward")
    @ActionReference(path = "Menu/Playback", position = 210)
    public static final String STEP_FORWARD = "stepForward";

    @ActionID(category = "Playback", id = "org.tsperf.playback.ui.Home")
    @ActionRegistration(displayName = "#CTL_Home")
    @ActionReference(path = "Menu/Playback", position = 220)
    public static final String HOME = "home";

    @ActionID(category = "Playback", id = "org.tsperf.playback.ui.End")
    @ActionRegistration(displayName = "#CTL_End")
    @ActionReference(path = "Menu/Playback", position = 230)
    public static final String END = "end";

    @ActionID(category = "Playback", id = "org.tsperf.playback.ui.MarkIn")
    @ActionRegistration(displayName = "#CTL_MarkIn")
    @ActionReference(path = "Menu/Playback", position = 300, separatorBefore = 290)
    public static final String MARK_IN = "markIn";

    @ActionID(category = "Playback", id = "org.tsperf.playback.ui.MarkOut")
    @ActionRegistration(displayName = "#CTL_MarkOut")
    @ActionReference(path = "Menu/Playback", position = 310)
    public static final String MARK_OUT = "markOut";

    private PlaybackActions() {
    }
}
