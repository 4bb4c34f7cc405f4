package org.tsperf.proxy.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.swing.event.TableModelEvent;
import org.junit.jupiter.api.Test;
import org.tsperf.api.proxy.ProxyMedia;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxyState;

/** A refresh that changed nothing fires nothing, so the table keeps its selection and the strip is not asked again. */
class MediaTableModelTest {

    private static ProxyMedia media(String name, ProxyState.Kind kind, int percent) {
        return new ProxyMedia(Path.of("/media", name), true, "640x360 h264", List.of(new ProxyState("half", kind,
                percent, Optional.empty(), "")), List.of());
    }

    @Test
    void theSameListFiresNothingNewStatesUpdateInPlaceNewSourcesChangeRows() {
        MediaTableModel model = new MediaTableModel();
        List<TableModelEvent> events = new ArrayList<>();
        model.addTableModelListener(events::add);
        List<ProxyResolution> res = List.of(ProxyResolution.HALF);
        assertEquals(MediaTableModel.Change.ROWS, model.show(res, List.of(media("a.mp4", ProxyState.Kind.NONE, 0))));
        events.clear();

        for (int i = 0; i < 3; i++) {
            assertEquals(MediaTableModel.Change.NOTHING, model.show(res, List.of(media("a.mp4", ProxyState.Kind.NONE,
                    0))));
        }
        assertEquals(List.of(), events, "an unchanged list fires no event");

        assertEquals(MediaTableModel.Change.IN_PLACE, model.show(res, List.of(media("a.mp4", ProxyState.Kind.RUNNING,
                40))));
        assertEquals(1, events.size());
        assertEquals(0, events.get(0).getFirstRow());
        assertEquals(TableModelEvent.UPDATE, events.get(0).getType());

        assertEquals(MediaTableModel.Change.ROWS, model.show(res, List.of(media("a.mp4", ProxyState.Kind.RUNNING, 40),
                media("b.mp4", ProxyState.Kind.NONE, 0))));
    }
}
