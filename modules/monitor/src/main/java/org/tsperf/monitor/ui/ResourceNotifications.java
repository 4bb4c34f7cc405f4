package org.tsperf.monitor.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.Icon;
import org.openide.awt.Notification;
import org.openide.awt.NotificationDisplayer;
import org.openide.util.ImageUtilities;
import org.openide.util.Lookup;
import org.openide.util.NbBundle;
import org.openide.windows.OnShowing;
import org.tsperf.api.monitor.ResourceListener;
import org.tsperf.api.monitor.ResourceMonitor;
import org.tsperf.api.monitor.ResourceSnapshot;

/**
 * The monitor's warnings ("Memory usage high", "Disk almost full") as the platform's notifications, seen wherever
 * the user is (the balloon and the status bar's list), not only inside the Performance Monitor; each is withdrawn when
 * its cause goes away. Starts with the main window.
 */
@OnShowing
@NbBundle.Messages({
    "# {0} - the warning's full text",
    "ResourceNotifications.details={0}. Open Window > Performance Monitor for the figures."
})
public final class ResourceNotifications implements Runnable, ResourceListener {

    private static final Logger LOG = Logger.getLogger(ResourceNotifications.class.getName());
    /** A warning that went away is announced again only after this long. */
    private static final long QUIET = TimeUnit.MINUTES.toNanos(10);

    private final WarningNotices notices = new WarningNotices(QUIET);
    private final Map<String, Notification> shown = new HashMap<>();

    @Override
    public void run() {
        ResourceMonitor monitor = Lookup.getDefault().lookup(ResourceMonitor.class);
        if (monitor == null) {
            LOG.fine("no resource monitor: no resource notifications");
            return;
        }
        monitor.addListener(this);
    }

    /** On the sampler's thread; the displayer posts to the event thread itself. */
    @Override
    public synchronized void sampled(ResourceSnapshot snapshot) {
        WarningNotices.Changes changes = notices.sampled(snapshot.warnings(), System.nanoTime());
        for (String kind : changes.withdraw()) {
            Notification n = shown.remove(kind);
            if (n != null) {
                n.clear();
            }
        }
        Icon icon = ImageUtilities.loadImageIcon("org/tsperf/monitor/ui/warning.png", false);
        for (String warning : changes.announce()) {
            Notification n = NotificationDisplayer.getDefault().notify(WarningNotices.kind(warning), icon,
                    Bundle.ResourceNotifications_details(warning), null, NotificationDisplayer.Priority.NORMAL,
                    NotificationDisplayer.Category.WARNING);
            shown.put(WarningNotices.kind(warning), n);
            LOG.log(Level.INFO, "warning: {0}", warning);
        }
    }
}
