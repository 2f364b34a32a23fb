package org.kelisim.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans, regular and bold: a Unicode font with every Kazakh letter (ә ғ қ ң ө ұ ү һ і). The TrueType files are
 * parsed once per process; each document embeds its own subset (PDF/A-2b requires embedded fonts). Fontbox guards
 * its table and glyph reads, so the parsed fonts may be shared by threads. Advance widths of the first code points
 * are kept in arrays, so measuring text for line breaks costs no font lookups.
 */
final class CertificateFonts {

    private static final String DIRECTORY = "/net/sf/jasperreports/fonts/dejavu/";
    private static final int MEASURED = 0x2200;

    private final Face regular;
    private final Face bold;

    private CertificateFonts(Face regular, Face bold) {
        this.regular = regular;
        this.bold = bold;
    }

    static CertificateFonts load() {
        return new CertificateFonts(Face.of(parse("DejaVuSans.ttf")), Face.of(parse("DejaVuSans-Bold.ttf")));
    }

    /** The fonts of one document. */
    Faces embedIn(PDDocument document) {
        try {
            return new Faces(PDType0Font.load(document, regular.font(), true),
                    PDType0Font.load(document, bold.font(), true), this);
        } catch (IOException e) {
            throw new UncheckedIOException("DejaVu Sans could not be embedded", e);
        }
    }

    /** The fonts of one document and how wide their text is. */
    record Faces(PDType0Font regular, PDType0Font bold, CertificateFonts fonts) {

        float width(String text, PDFont font, float size) {
            var face = font == bold ? fonts.bold : fonts.regular;
            float units = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < MEASURED && face.advances()[c] > 0) {
                    units += face.advances()[c];
                    continue;
                }
                try {
                    units += font.getStringWidth(String.valueOf(c));
                } catch (IOException | IllegalArgumentException e) {
                    // A character the font lacks is refused when shown; for line breaks, count it as a wide one.
                    units += 1000;
                }
            }
            return units / 1000 * size;
        }
    }

    /** One style: the parsed font and the advance widths (per 1000 em) of the first code points. */
    private record Face(TrueTypeFont font, float[] advances) {

        static Face of(TrueTypeFont font) {
            try {
                var cmap = font.getUnicodeCmapLookup();
                float[] advances = new float[MEASURED];
                float scale = 1000f / font.getUnitsPerEm();
                for (int codePoint = 0x20; codePoint < MEASURED; codePoint++) {
                    int glyph = cmap.getGlyphId(codePoint);
                    if (glyph != 0) {
                        advances[codePoint] = font.getAdvanceWidth(glyph) * scale;
                    }
                }
                return new Face(font, advances);
            } catch (IOException e) {
                throw new UncheckedIOException("DejaVu Sans metrics could not be read", e);
            }
        }
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
