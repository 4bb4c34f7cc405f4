package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.awt.Component;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import javax.swing.SwingUtilities;
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
 * The Viewer of the real workbench: a clip opened with File &gt; Open Media is shown, plays (the timecode and the
 * picture change), and the arrow keys step to exactly the file's frames. Each frame of the clip is one flat colour
 * computed from its number, so the colour painted in the middle of the Viewer names the frame shown.
 */
public class ViewerUiTest extends JellyTestCase {

    private static final int FPS = 25;

    public ViewerUiTest(String name) {
        super(name);
        waitNoEvent = false; // the Viewer repaints while playing
    }

    /** Each test fails when the event thread stalls over 200 ms or MapDB is opened on it ({@link EventThreadGuard}). */
    @Override
    protected void setUp() throws Exception {
        super.setUp();
        EventThreadGuard.installOnce();
    }

    public static Test suite() {
        return NbModuleSuite.createConfiguration(ViewerUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testOpensPlaysAndStepsExactFrames")
                .suite();
    }

    public void testOpensPlaysAndStepsExactFrames() throws Exception {
        Path clip = clip(getWorkDir().toPath().resolve("colours.mp4"));
        Menus.pushForFileChooser("File|Open Media...");
        JFileChooserOperator chooser = new JFileChooserOperator();
        chooser.setSelectedFile(clip.toFile());
        chooser.approve();

        TopComponentOperator viewer = new TopComponentOperator("Viewer");
        JLabelOperator timecode = new JLabelOperator(viewer, new NameComponentChooser("timecode"));
        JLabelOperator source = new JLabelOperator(viewer, new NameComponentChooser("source"));
        JComponentOperator picture = new JComponentOperator(viewer, new NameComponentChooser("picture"));
        await(source::getText, "Original \\(320x180\\)", "the clip opened from the original");
        await(() -> shows(picture, 0), "frame 0 painted");
        assertEquals("00:00:00:00", timecode.getText());

        JButtonOperator play = new JButtonOperator(viewer, new NameComponentChooser("playPause"));
        play.push();
        await(() -> !"00:00:00:00".equals(timecode.getText()), "the timecode to move while playing");
        await(() -> !shows(picture, 0), "the picture to change while playing");
        play.push();
        await(() -> "\u25B6".equals(play.getText()), "the player to pause");

        picture.clickMouse();
        int paused = frameOf(timecode.getText());
        int target = Math.min(paused + 3, 2 * FPS - 2);
        for (int i = paused; i < target; i++) {
            picture.pushKey(KeyEvent.VK_RIGHT);
        }
        await(() -> frameOf(timecode.getText()) == target, "the arrow keys to step to frame " + target
                + " (timecode " + timecode.getText() + ")");
        await(() -> shows(picture, target), "frame " + target + " painted, exactly the file's");
        picture.pushKey(KeyEvent.VK_LEFT);
        await(() -> frameOf(timecode.getText()) == target - 1, "a step back");
        await(() -> shows(picture, target - 1), "frame " + (target - 1) + " painted");
        picture.pushKey(KeyEvent.VK_HOME);
        await(() -> shows(picture, 0) && frameOf(timecode.getText()) == 0, "Home to show frame 0");

        // the same commands from the Playback menu, run on the active Viewer
        Menus.push("Playback|Next Frame (Right)", () -> frameOf(timecode.getText()) == 1 && shows(picture, 1),
                "Playback > Next Frame to show frame 1");
        Menus.push("Playback|Go to End (End)", () -> frameOf(timecode.getText()) == 2 * FPS - 1,
                "Playback > Go to End");

        // nothing listens on the network; one listener on the loopback address (::1) remains, probably the
        // platform's single-instance handler, which issue 13 is to look into
        assertTrue("listening sockets (address:port in hex): " + ListeningSockets.ofThisProcess(),
                ListeningSockets.ofThisProcess().stream().allMatch(ListeningSockets::loopback));
    }

    /** HH:MM:SS:FF to a frame number at 25 fps. */
    private static int frameOf(String timecode) {
        String[] p = timecode.split(":");
        return ((Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1])) * 60 + Integer.parseInt(p[2])) * FPS
                + Integer.parseInt(p[3]);
    }

    /** Whether the middle of the painted picture has frame {@code n}'s colour. */
    static boolean shows(JComponentOperator picture, int n) {
        int[] rgb = new int[1];
        try {
            SwingUtilities.invokeAndWait(() -> {
                Component c = picture.getSource();
                BufferedImage image = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
                c.paint(image.getGraphics());
                rgb[0] = image.getRGB(c.getWidth() / 2, c.getHeight() / 2);
            });
        } catch (Exception ex) {
            throw new AssertionError("could not paint the Viewer", ex);
        }
        int[] want = colour(n);
        return Math.abs((rgb[0] >> 16 & 0xFF) - want[0]) <= 8 && Math.abs((rgb[0] >> 8 & 0xFF) - want[1]) <= 8
                && Math.abs((rgb[0] & 0xFF) - want[2]) <= 8;
    }

    /** Frame n's colour in the generated clip (the geq expressions below). */
    private static int[] colour(int n) {
        return new int[] {(n * 40 + 20) % 200 + 30, (n * 70 + 90) % 200 + 30, (n * 110 + 50) % 200 + 30};
    }

    /** A 2 s 320x180 clip at 25 fps whose frame n is one flat colour, {@link #colour(int)}. */
    static Path clip(Path out) throws IOException, InterruptedException {
        String geq = "geq=r='mod(N*40+20\\,200)+30':g='mod(N*70+90\\,200)+30':b='mod(N*110+50\\,200)+30'";
        List<String> cmd = List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "nullsrc=size=320x180:rate=" + FPS + ":duration=2," + "format=rgb24," + geq,
                "-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-g", "12", "-bf", "2", out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File(out + ".log")).start();
        assertTrue("ffmpeg made the test clip", p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0);
        return out;
    }
}
