package org.tsperf.tasks.ui;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.table.AbstractTableModel;
import org.tsperf.api.tasks.QueueInfo;
import org.tsperf.api.tasks.TaskInfo;

/** The table models of the Background Tasks window. Event thread only. */
final class TaskTables {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private TaskTables() {
    }

    static final class Queues extends AbstractTableModel {

        private static final String[] COLUMNS = {"Queue", "Waiting", "Running", "Workers"};
        private List<QueueInfo> rows = List.of();

        void set(List<QueueInfo> queues) {
            rows = List.copyOf(queues);
            fireTableDataChanged();
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return COLUMNS.length;
        }

        @Override
        public String getColumnName(int column) {
            return COLUMNS[column];
        }

        @Override
        public Class<?> getColumnClass(int column) {
            return column == 0 ? String.class : Integer.class;
        }

        @Override
        public Object getValueAt(int row, int column) {
            QueueInfo q = rows.get(row);
            switch (column) {
                case 0: return q.type().displayName();
                case 1: return q.waiting();
                case 2: return q.running();
                default: return q.workers();
            }
        }
    }

    /** Queued and running tasks; the progress column holds the {@link TaskInfo} for its renderer. */
    static final class Active extends AbstractTableModel {

        static final int PROGRESS = 4;
        private static final String[] COLUMNS = {"Task", "Queue", "Priority", "State", "Progress", "ETA", "Reason"};
        private List<TaskInfo> rows = List.of();

        void set(List<TaskInfo> tasks) {
            rows = List.copyOf(tasks);
            fireTableDataChanged();
        }

        TaskInfo at(int row) {
            return rows.get(row);
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return COLUMNS.length;
        }

        @Override
        public String getColumnName(int column) {
            return COLUMNS[column];
        }

        @Override
        public Class<?> getColumnClass(int column) {
            return column == PROGRESS ? TaskInfo.class : String.class;
        }

        @Override
        public Object getValueAt(int row, int column) {
            TaskInfo t = rows.get(row);
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

    static final class History extends AbstractTableModel {

        private static final String[] COLUMNS = {"Task", "Queue", "Outcome", "Reason", "Ended", "Attempts"};
        private List<TaskInfo> rows = List.of();

        void set(List<TaskInfo> tasks) {
            rows = List.copyOf(tasks);
            fireTableDataChanged();
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return COLUMNS.length;
        }

        @Override
        public String getColumnName(int column) {
            return COLUMNS[column];
        }

        @Override
        public Object getValueAt(int row, int column) {
            TaskInfo t = rows.get(row);
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
