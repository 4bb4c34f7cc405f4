package org.tsperf.proxy.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.media.Thumbnail;
import org.tsperf.api.media.ThumbnailService;

/**
 * The Proxy Manager's thumbnail strip of the selected source and its status line. The strip comes from the
 * thumbnail service (cached, or made by a thumbnail task), asked once per source: the list's refreshes leave it
 * alone. Pixels are converted off the event thread. Event thread only.
 */
@Messages({
    "StripPanel_noService=No thumbnails: no thumbnail service is installed",
    "StripPanel_making=Making thumbnails...",
    "# {0} - why",
    "StripPanel_failed=No thumbnails: {0}",
    "# {0} - how many thumbnails, {1} - milliseconds",
    "StripPanel_made={0} thumbnails in {1} ms",
    "# {0} - seconds into the source",
    "StripPanel_time={0} s"
})
final class ThumbnailStripPanel extends JPanel {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ThumbnailStripPanel.class.getName());
    static final int STRIP_COUNT = 8;
    static final int STRIP_WIDTH = 160;

    private final ThumbnailStripView strip = new ThumbnailStripView(STRIP_COUNT, new Dimension(STRIP_WIDTH,
            STRIP_WIDTH * 9 / 16));
    private final JLabel status = new JLabel(" ");
    private transient Path source;

    ThumbnailStripPanel() {
        super(new BorderLayout());
        status.setName("thumbnailStatus");
        strip.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        add(strip, BorderLayout.CENTER); // scaled to fit: never cut, no scroll bar
        add(status, BorderLayout.SOUTH);
        // long texts are cut, they never widen the window
        status.setMinimumSize(new Dimension(1, status.getPreferredSize().height));
    }

    /** Shows the strip of this source (null: none), unless it shows it already. */
    void showSource(Path newSource) {
        if (Objects.equals(newSource, source)) {
            return;
        }
        source = newSource;
        strip.clear();
        if (newSource == null) {
            status.setText(" ");
            return;
        }
        ThumbnailService thumbnails = Lookup.getDefault().lookup(ThumbnailService.class);
        if (thumbnails == null) {
            status.setText(Bundle.StripPanel_noService());
            return;
        }
        status.setText(Bundle.StripPanel_making());
        long started = System.nanoTime();
        thumbnails.strip(newSource, STRIP_COUNT, STRIP_WIDTH).whenComplete((list, error) -> {
            // pixels are converted here, off the event thread; the event thread only shows them
            List<BufferedImage> pictures = new ArrayList<>();
            List<String> tips = new ArrayList<>();
            if (error == null) {
                for (Thumbnail t : list) {
                    pictures.add(ThumbnailImages.image(t));
                    tips.add(Bundle.StripPanel_time(String.format(Locale.ROOT, "%.2f", t.timeMicros() / 1e6)));
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            SwingUtilities.invokeLater(() -> {
                if (!newSource.equals(source)) {
                    return; // the selection moved on
                }
                if (error != null) {
                    Throwable cause = error.getCause() != null ? error.getCause() : error;
                    LOG.log(Level.FINE, "no thumbnails of " + newSource, cause);
                    status.setText(Bundle.StripPanel_failed(cause.getMessage()));
                    return;
                }
                strip.showPictures(pictures, tips);
                status.setText(Bundle.StripPanel_made(Integer.toString(pictures.size()), Long.toString(millis)));
            });
        });
    }
}
