package org.tsperf.monitor.ui;

import java.util.ArrayList;
import java.util.List;
import javax.swing.JLabel;
import org.openide.util.NbBundle;

/**
 * The monitor's Cluster line and, under it while a cluster session or worker runs in this workbench, the members
 * and the segments in flight. Event thread only; renders {@link ClusterFigures}, reads nothing.
 */
@NbBundle.Messages("LBL_ClusterLine=Cluster:")
final class ClusterLines {

    final JLabel caption = new JLabel(Bundle.LBL_ClusterLine());
    final JLabel summary = new JLabel("\u2013");
    final JLabel details = new JLabel();
    private List<String> shownDetails = List.of();

    ClusterLines() {
        summary.setName("clusterValue");
        details.setName("clusterDetails");
        details.setVisible(false);
    }

    void show(ClusterFigures figures) {
        summary.setText(figures.summary());
        boolean active = !DashboardState.NOT_ACTIVE.equals(figures.summary());
        summary.setEnabled(active);
        summary.setToolTipText(active ? null : EngineFeature.CLUSTER.missingHint());
        List<String> lines = new ArrayList<>(figures.members());
        lines.addAll(figures.segments());
        if (lines.equals(shownDetails)) {
            return; // the same lines: nothing laid out again
        }
        shownDetails = lines;
        details.setVisible(!lines.isEmpty());
        details.setText(lines.isEmpty() ? "" : html(lines));
        details.revalidate();
    }

    private static String html(List<String> lines) {
        StringBuilder b = new StringBuilder("<html>");
        for (String l : lines) {
            b.append(l.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append("<br>");
        }
        return b.append("</html>").toString();
    }
}
