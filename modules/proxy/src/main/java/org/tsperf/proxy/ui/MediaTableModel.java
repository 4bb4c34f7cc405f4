package org.tsperf.proxy.ui;

import java.util.List;
import java.util.Optional;
import javax.swing.table.AbstractTableModel;
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyMedia;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxyState;
import org.tsperf.api.util.ByteSizes;

/** Rows: sources; columns: name, video, one per proxy resolution, proxies' size. */
@Messages({
    "MediaTable_source=Source",
    "MediaTable_video=Video",
    "MediaTable_proxies=Proxies",
    "# {0} - the source's file name",
    "MediaTable_offline={0} (offline)",
    "# {0} - why",
    "MediaTable_failed=failed: {0}"
})
final class MediaTableModel extends AbstractTableModel {
    private List<ProxyResolution> resolutions = List.of();
    private List<ProxyMedia> rows = List.of();

    /** What a refresh changed. */
    enum Change {
        /** nothing: no event was fired */
        NOTHING,
        /** the same sources in the same order with other states: updated in place, the table keeps its selection */
        IN_PLACE,
        /** sources came or went, or the columns changed: the table lost its selection */
        ROWS
    }

    Change show(List<ProxyResolution> res, List<ProxyMedia> media) {
        boolean columnsChanged = !res.equals(resolutions);
        if (!columnsChanged && media.equals(rows)) {
            return Change.NOTHING;
        }
        boolean sameSources = !columnsChanged && media.size() == rows.size();
        for (int i = 0; sameSources && i < media.size(); i++) {
            sameSources = media.get(i).source().equals(rows.get(i).source());
        }
        resolutions = res;
        rows = media;
        if (columnsChanged) {
            fireTableStructureChanged();
        } else if (sameSources) {
            fireTableRowsUpdated(0, rows.size() - 1);
            return Change.IN_PLACE;
        } else {
            fireTableDataChanged();
        }
        return Change.ROWS;
    }

    ProxyMedia at(int row) {
        return rows.get(row);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return 3 + resolutions.size();
    }

    @Override
    public String getColumnName(int column) {
        if (column == 0) {
            return Bundle.MediaTable_source();
        }
        if (column == 1) {
            return Bundle.MediaTable_video();
        }
        if (column == 2 + resolutions.size()) {
            return Bundle.MediaTable_proxies();
        }
        return resolutions.get(column - 2).displayName();
    }

    @Override
    public Object getValueAt(int row, int column) {
        ProxyMedia m = rows.get(row);
        if (column == 0) {
            String name = m.source().getFileName().toString();
            return m.online() ? name : Bundle.MediaTable_offline(name);
        }
        if (column == 1) {
            return m.description();
        }
        if (column == 2 + resolutions.size()) {
            long bytes = m.proxies().stream().map(ProxyState::file).flatMap(Optional::stream)
                    .mapToLong(ProxyFile::sizeBytes).sum();
            return bytes == 0 ? "" : ByteSizes.format(bytes);
        }
        if (column - 2 >= m.proxies().size()) {
            return ""; // the settings changed between the two reads: the next refresh fills it
        }
        ProxyState p = m.proxies().get(column - 2);
        return p.kind() == ProxyState.Kind.FAILED ? Bundle.MediaTable_failed(p.detail()) : p.summary();
    }
}
