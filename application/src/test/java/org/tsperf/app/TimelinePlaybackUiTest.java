package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jemmy.operators.JButtonOperator;
import org.netbeans.jemmy.operators.JComponentOperator;
import org.netbeans.jemmy.operators.JFileChooserOperator;
import org.netbeans.jemmy.operators.JLabelOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.NbModuleSuite;

/**
 * The Timeline played in the Viewer of the real workbench: a project file saved by hand (the README's format) is
 * opened with File &gt; Open Project..., "Play in Viewer" plays it composited (the Viewer says so), the timecode and
 * the picture move, the Timeline's playhead follows the Viewer, the space bar in the Timeline pauses it, and a click
 * on the ruler seeks the Viewer to exactly that frame. The clip's frame n is one flat colour computed from n
 * ({@link ViewerUiTest#clip}), so the colour painted names the frame shown.
 */
public class TimelinePlaybackUiTest extends JellyTestCase {

    private static final int FPS = 25;
    /** The Timeline's status line: "... playhead H:MM:SS:FF". */
    private static final Pattern PLAYHEAD = Pattern.compile("playhead (\\d+):(\\d\\d):(\\d\\d):(\\d\\d)");

    public TimelinePlaybackUiTest(String name) {
        super(name);
        waitNoEvent = false; // the Viewer repaints while playing
    }

    @Override
    protected void setUp() throws Exception {
        super.setUp();
        EventThreadGuard.installOnce();
    }

    public static Test suite() {
        return NbModuleSuite.createConfiguration(TimelinePlaybackUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testASavedProjectPlaysInTheViewerAndThePlayheadFollows")
                .suite();
    }

    public void testASavedProjectPlaysInTheViewerAndThePlayheadFollows() throws Exception {
        Path dir = getWorkDir().toPath();
        Path clip = ViewerUiTest.clip(dir.resolve("colours.mp4"));
        Path project = dir.resolve("colours.tsproj");
        // the whole 2 s clip four times end to end (8 s): timeline frame n shows source frame n mod 50
        StringBuilder clips = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            clips.append(i == 0 ? "" : ", ").append("{\"id\": \"c").append(i).append("\", \"source\": \"")
                    .append(clip).append("\", \"sourceIn\": 0, \"length\": 50, \"start\": ").append(50 * i)
                    .append('}');
        }
        Files.writeString(project, "{\"format\": \"tsperf-project\", \"version\": 1, \"name\": \"Colours\","
                + " \"width\": 320, \"height\": 180, \"rate\": \"25/1\", \"tracks\": [{\"id\": \"V1\", \"kind\":"
                + " \"video\", \"clips\": [" + clips + "]}]}", StandardCharsets.UTF_8);

        Menus.pushForFileChooser("File|Open Project...");
        JFileChooserOperator chooser = new JFileChooserOperator();
        chooser.setSelectedFile(project.toFile());
        chooser.approve();
        TopComponentOperator timeline = new TopComponentOperator("colours.tsproj");
        JLabelOperator status = new JLabelOperator(timeline, new NameComponentChooser("status"));
        await(status::getText, ".*4 clips.*", "the opened project's clip in the Timeline");

        new JButtonOperator(timeline, new NameComponentChooser("playInViewer")).push();
        TopComponentOperator viewer = new TopComponentOperator("Viewer");
        JLabelOperator timecode = new JLabelOperator(viewer, new NameComponentChooser("timecode"));
        JLabelOperator source = new JLabelOperator(viewer, new NameComponentChooser("source"));
        JComponentOperator picture = new JComponentOperator(viewer, new NameComponentChooser("picture"));
        await(source::getText, "Timeline \\(composited\\)", "the Viewer to say it composites the timeline");
        await(() -> frameOf(timecode.getText()) > 5, "the timecode to move while the timeline plays");
        await(() -> !ViewerUiTest.shows(picture, 0), "the picture to change while playing");
        await(() -> playhead(status.getText()) > 5, "the Timeline's playhead to follow the Viewer ("
                + status.getText() + ")");

        // the space bar in the Timeline pauses the Viewer; the playhead then rests where the Viewer stopped
        JComponentOperator view = new JComponentOperator(timeline, new NameComponentChooser("timelineView"));
        view.clickMouse(view.getWidth() - 10, view.getHeight() - 10, 1);
        view.pushKey(java.awt.event.KeyEvent.VK_SPACE);
        JButtonOperator playPause = new JButtonOperator(viewer, new NameComponentChooser("playPause"));
        await(() -> "\u25B6".equals(playPause.getText()), "the space bar in the Timeline to pause the Viewer");
        await(() -> playhead(status.getText()) == frameOf(timecode.getText()), "the playhead at the Viewer's frame ("
                + status.getText() + " and " + timecode.getText() + ")");

        // a click on the ruler near the start seeks the Viewer there, to the exact frame
        int stopped = frameOf(timecode.getText());
        view.clickMouse(56 + 4, 8 + 11, 1);
        await(() -> playhead(status.getText()) < stopped, "the click to move the playhead back from " + stopped);
        int target = playhead(status.getText());
        await(() -> frameOf(timecode.getText()) == target, "the Viewer to go to the clicked frame " + target
                + " (timecode " + timecode.getText() + ")");
        await(() -> ViewerUiTest.shows(picture, target % 50), "frame " + target + " painted, exactly the clip's");
    }

    /** HH:MM:SS:FF to a frame number at 25 fps. */
    private static int frameOf(String timecode) {
        String[] p = timecode.split(":");
        return ((Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1])) * 60 + Integer.parseInt(p[2])) * FPS
                + Integer.parseInt(p[3]);
    }

    /** The Timeline's playhead frame from its status line, -1 when not shown. */
    private static int playhead(String status) {
        Matcher m = PLAYHEAD.matcher(status);
        if (!m.find()) {
            return -1;
        }
        return ((Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2))) * 60
                + Integer.parseInt(m.group(3))) * FPS + Integer.parseInt(m.group(4));
    }
}
