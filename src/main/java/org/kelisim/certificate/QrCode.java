package org.kelisim.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** A QR code drawn as vector rectangles: sharp at any zoom and in print, and no image to embed. */
final class QrCode {

    private QrCode() {
    }

    /** Draws the code of {@code text} as a square of {@code size} points with its lower left corner at x, y. */
    static void draw(PDPageContentStream stream, String text, float x, float y, float size) {
        try {
            // Level M survives a crease or a stain on a printed copy; a quiet zone of 2 modules is enough on white.
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            float module = size / matrix.getWidth();
            stream.setNonStrokingColor(0f, 0f, 0f);
            for (int row = 0; row < matrix.getHeight(); row++) {
                int column = 0;
                while (column < matrix.getWidth()) {
                    if (!matrix.get(column, row)) {
                        column++;
                        continue;
                    }
                    int start = column;
                    while (column < matrix.getWidth() && matrix.get(column, row)) {
                        column++;
                    }
                    // One rectangle per horizontal run keeps the content stream small.
                    stream.addRect(x + start * module, y + size - (row + 1) * module, (column - start) * module,
                            module);
                }
            }
            stream.fill();
        } catch (WriterException e) {
            throw new IllegalArgumentException("The verification address does not fit a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
