package org.tsperf.ui.support;

import javax.swing.table.DefaultTableModel;

/** A table model the user cannot edit: the live windows' tables show figures, they do not take input. */
public class ReadOnlyTableModel extends DefaultTableModel {

    private static final long serialVersionUID = 1L;

    /** A model with these column names and no rows. */
    public ReadOnlyTableModel(Object... columnNames) {
        super(columnNames, 0);
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return false;
    }
}
