package org.tsperf.tasks.ui;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.table.AbstractTableModel;
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.tasks.QueueInfo;
import org.tsperf.api.tasks.TaskInfo;

/** The table models of the Background Tasks window. Event thread only. */
@Messages({
    "COL_Queue=Queue",
    "COL_Waiting=Waiting",
    "COL_Running=Running",
    "COL_Workers=Workers",
    "COL_Task=Task",
    "COL_Priority=Priority",
    "COL_State=State",
    "COL_Progress=Progress",
    "COL_Eta=ETA",
    "COL_Reason=Reason",
    "COL_Outcome=Outcome",
    "COL_Ended=Ended",
    "COL_Attempts=Attempts"
})
final class TaskTables {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private TaskTables() {
    }

    /** A read-only table of immutable rows with fixed column names. */
    private abstract static class RowsModel<T> extends AbstractTableModel {

        private final String[] columns;
        private List<T> rows = List.of();

        RowsModel(String... columns) {
            this.columns = columns;
        }

        void set(List<T> newRows) {
            rows = List.copyOf(newRows);
            fireTableDataChanged();
        }

        T at(int row) {
            return rows.get(row);
        }

        abstract Object value(T row, int column);

        @Override
        public final int getRowCount() {
            return rows.size();
        }

        @Override
        public final int getColumnCount() {
            return columns.length;
        }

        @Override
        public final String getColumnName(int column) {
            return columns[column];
        }

        @Override
        public final Object getValueAt(int row, int column) {
            return value(rows.get(row), column);
        }
    }

    static final class Queues extends RowsModel<QueueInfo> {

        Queues() {
            super(Bundle.COL_Queue(), Bundle.COL_Waiting(), Bundle.COL_Running(), Bundle.COL_Workers());
        }

        @Override
        public Class<?> getColumnClass(int column) {
            return column == 0 ? String.class : Integer.class;
        }

        @Override
        Object value(QueueInfo q, int column) {
            switch (column) {
                case 0: return q.type().displayName();
                case 1: return q.waiting();
                case 2: return q.running();
                default: return q.workers();
            }
        }
    }

    /** Queued and running tasks; the progress column holds the {@link TaskInfo} for its renderer. */
    static final class Active extends RowsModel<TaskInfo> {

        static final int PROGRESS = 4;

        Active() {
            super(Bundle.COL_Task(), Bundle.COL_Queue(), Bundle.COL_Priority(), Bundle.COL_State(), Bundle.COL_Progress(),
                    Bundle.COL_Eta(), Bundle.COL_Reason());
        }

        @Override
        public Class<?> getColumnClass(int column) {
            return column == PROGRESS ? TaskInfo.class : String.class;
        }

        @Override
        Object value(TaskInfo t, int column) {
            switch (column) {
                case 0: return t.spec().title();
                case 1: return t.spec().type().displayName();
                case 2: return t.spec().priority().name().toLowerCase(Locale.ROOT);
                case 3: return stateText(t);
                case PROGRESS: return t;
                case 5: return t.progress().eta().map(TaskTables::duration).orElse("");
                default: return t.reason();
            }
        }
    }

    static final class History extends RowsModel<TaskInfo> {

        History() {
            super(Bundle.COL_Task(), Bundle.COL_Queue(), Bundle.COL_Outcome(), Bundle.COL_Reason(), Bundle.COL_Ended(),
                    Bundle.COL_Attempts());
        }

        @Override
        Object value(TaskInfo t, int column) {
            switch (column) {
                case 0: return t.spec().title();
                case 1: return t.spec().type().displayName();
                case 2: return stateText(t);
                case 3: return t.reason();
                case 4: return t.ended() == null ? "" : CLOCK.format(t.ended());
                default: return Integer.toString(t.attempts());
            }
        }
    }

    static String stateText(TaskInfo t) {
        return t.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static List<List<TaskInfo>> split(List<TaskInfo> all) {
        List<TaskInfo> active = new ArrayList<>();
        List<TaskInfo> finished = new ArrayList<>();
        for (TaskInfo t : all) {
            (t.state().isFinal() ? finished : active).add(t);
        }
        return List.of(active, finished);
    }
}
