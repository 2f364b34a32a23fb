package org.kelisim.certificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.kelisim.certificate.CertificateFonts.Faces;

/**
 * Text and tables flowing down A4 pages: a cursor that opens a new page when the next block does not fit, and tables
 * that repeat their header on every page they continue on.
 */
final class PageFlow implements AutoCloseable {

    static final PDRectangle A4 = PDRectangle.A4;
    static final float LEFT = 48;
    static final float RIGHT = A4.getWidth() - 48;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = A4.getHeight() - 42;
    /** Room kept free at the bottom of each page for the running line with the page number. */
    static final float BOTTOM = 58;

    static final float[] INK = {0.08f, 0.08f, 0.1f};
    static final float[] MUTED = {0.35f, 0.37f, 0.42f};
    static final float[] RULE = {0.55f, 0.58f, 0.63f};
    static final float[] SHADE = {0.91f, 0.93f, 0.96f};
    static final float[] ACCENT = {0.0f, 0.27f, 0.53f};

    private static final float CELL_PADDING = 3;

    private final PDDocument document;
    private final Faces faces;
    private PDPageContentStream stream;
    private float y;

    PageFlow(PDDocument document, Faces faces) {
        this.document = document;
        this.faces = faces;
    }

    Faces faces() {
        return faces;
    }

    float y() {
        return y;
    }

    PDPageContentStream stream() {
        return stream;
    }

    void newPage() {
        try {
            closeStream();
            var page = new PDPage(A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void moveTo(float newY) {
        y = newY;
    }

    void space(float points) {
        y -= points;
    }

    /** Opens a new page unless {@code height} points still fit on this one. */
    void keep(float height) {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /** A paragraph over the full width, wrapped, in one colour. */
    void paragraph(String text, PDFont font, float size, float[] color) {
        paragraph(text, font, size, color, LEFT, WIDTH);
    }

    void paragraph(String text, PDFont font, float size, float[] color, float x, float width) {
        float leading = size * 1.3f;
        for (String line : wrap(text, font, size, width)) {
            keep(leading);
            y -= leading;
            show(line, font, size, color, x, y + size * 0.25f);
        }
    }

    /** A line centred between the margins. */
    void centred(String text, PDFont font, float size, float[] color) {
        float leading = size * 1.35f;
        for (String line : wrap(text, font, size, WIDTH)) {
            keep(leading);
            y -= leading;
            show(line, font, size, color, LEFT + (WIDTH - width(line, font, size)) / 2, y + size * 0.25f);
        }
    }

    void rule(float thickness, float[] color) {
        try {
            stream.setStrokingColor(color[0], color[1], color[2]);
            stream.setLineWidth(thickness);
            stream.moveTo(LEFT, y);
            stream.lineTo(RIGHT, y);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void show(String text, PDFont font, float size, float[] color, float x, float baseline) {
        try {
            stream.beginText();
            stream.setFont(font, size);
            stream.setNonStrokingColor(color[0], color[1], color[2]);
            stream.newLineAtOffset(x, baseline);
            stream.showText(text);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Draws a table: the header (if any) on a shaded row, repeated at the top of every page the table continues on;
     * rows are never split across pages.
     */
    void table(Table table) {
        float[] widths = new float[table.widths().length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = table.widths()[i] * WIDTH;
        }
        var header = table.header() == null ? null : layout(table.header(), widths, faces.bold(), 7f, true, table);
        if (header != null) {
            keep(header.height() + 14);
            draw(header, widths, true);
        }
        for (var row : table.rows()) {
            var laidOut = layout(row, widths, faces.regular(), table.fontSize(), false, table);
            if (y - laidOut.height() < BOTTOM) {
                newPage();
                if (header != null) {
                    draw(header, widths, true);
                }
            }
            draw(laidOut, widths, false);
        }
    }

    private LaidOutRow layout(List<String> cells, float[] widths, PDFont font, float size, boolean header,
            Table table) {
        var lines = new ArrayList<List<Line>>();
        int most = 1;
        for (int c = 0; c < cells.size(); c++) {
            var cellLines = new ArrayList<Line>();
            boolean label = !header && c == 0 && table.labelColumn();
            String[] parts = cells.get(c) == null ? new String[] {""} : cells.get(c).split("\n");
            for (int p = 0; p < parts.length; p++) {
                // In a bilingual cell the second (Russian) line is the muted one, as on the header.
                float[] color = label || (header && p > 0) ? MUTED : INK;
                PDFont cellFont = label ? faces.regular() : font;
                float cellSize = label ? size - 0.5f : size;
                for (String line : wrap(parts[p], cellFont, cellSize, widths[c] - 2 * CELL_PADDING)) {
                    cellLines.add(new Line(line, cellFont, cellSize, color));
                }
            }
            most = Math.max(most, cellLines.size());
            lines.add(cellLines);
        }
        float leading = size * 1.3f;
        return new LaidOutRow(lines, most * leading + 2 * CELL_PADDING, leading);
    }

    private void draw(LaidOutRow row, float[] widths, boolean header) {
        try {
            float top = y;
            float bottom = y - row.height();
            if (header) {
                stream.setNonStrokingColor(SHADE[0], SHADE[1], SHADE[2]);
                stream.addRect(LEFT, bottom, WIDTH, row.height());
                stream.fill();
            }
            float x = LEFT;
            for (int c = 0; c < widths.length; c++) {
                float baseline = top - CELL_PADDING - row.leading() * 0.78f;
                for (var line : row.cells().get(c)) {
                    show(line.text(), line.font(), line.size(), line.color(), x + CELL_PADDING, baseline);
                    baseline -= row.leading();
                }
                x += widths[c];
            }
            stream.setStrokingColor(RULE[0], RULE[1], RULE[2]);
            stream.setLineWidth(0.4f);
            stream.addRect(LEFT, bottom, WIDTH, row.height());
            x = LEFT;
            for (int c = 0; c < widths.length - 1; c++) {
                x += widths[c];
                stream.moveTo(x, bottom);
                stream.lineTo(x, top);
            }
            stream.stroke();
            y = bottom;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float width(String text, PDFont font, float size) {
        return faces.width(text, font, size);
    }

    /** Breaks text into lines no wider than {@code width}, at spaces, or inside a word longer than a line. */
    List<String> wrap(String text, PDFont font, float size, float width) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (String word : clean(text).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(word, font, size) > width && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && width(word.substring(0, cut), font, size) > width) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Registry text may carry tabs or line breaks; a content stream shows one line at a time. */
    private static String clean(String text) {
        return text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    @Override
    public void close() {
        try {
            closeStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    /**
     * Rows of cells; a cell's lines are separated by {@code \n} (Kazakh first, then Russian).
     *
     * @param header the header cells, or {@code null} for none
     * @param widths the columns' shares of the text width, summing to 1
     * @param labelColumn whether the first column holds field names (drawn smaller and muted)
     */
    record Table(List<String> header, float[] widths, List<List<String>> rows, boolean labelColumn, float fontSize) {
    }

    private record Line(String text, PDFont font, float size, float[] color) {
    }

    private record LaidOutRow(List<List<Line>> cells, float height, float leading) {
    }
}
