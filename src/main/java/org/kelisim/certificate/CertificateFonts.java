package org.kelisim.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans, regular and bold: a Unicode font with every Kazakh letter (ә ғ қ ң ө ұ ү һ і). The TrueType files are
 * parsed once per process; each document gets its own embedded subset (PDF/A-2b requires embedded fonts).
 * Fontbox guards its table and glyph reads, so the parsed fonts may be shared by threads.
 */
final class CertificateFonts {

    private static final String DIRECTORY = "/net/sf/jasperreports/fonts/dejavu/";

    private final TrueTypeFont regular;
    private final TrueTypeFont bold;

    private CertificateFonts(TrueTypeFont regular, TrueTypeFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    static CertificateFonts load() {
        return new CertificateFonts(parse("DejaVuSans.ttf"), parse("DejaVuSans-Bold.ttf"));
    }

    /** The fonts of one document. */
    Faces embedIn(PDDocument document) {
        try {
            return new Faces(PDType0Font.load(document, regular, true), PDType0Font.load(document, bold, true));
        } catch (IOException e) {
            throw new UncheckedIOException("DejaVu Sans could not be embedded", e);
        }
    }

    record Faces(PDType0Font regular, PDType0Font bold) {
    }

    private static TrueTypeFont parse(String file) {
        try (InputStream in = CertificateFonts.class.getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing: net.sf.jasperreports:jasperreports-fonts");
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("DejaVu Sans could not be read: " + file, e);
        }
    }
}
