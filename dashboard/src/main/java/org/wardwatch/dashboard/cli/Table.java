package org.wardwatch.dashboard.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows as aligned columns; the last column is never padded and long cells are cut. */
final class Table {
    private static final int MAX_CELL = 48;

    private Table() {
    }

    static void print(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) widths[c] = Math.max(widths[c], cut(row[c]).length());
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = cut(row[c]);
                line.append(cell);
                if (c < columns - 1) line.append(" ".repeat(widths[c] - cell.length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String cut(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= MAX_CELL ? one : one.substring(0, MAX_CELL - 1) + "…";
    }
}
