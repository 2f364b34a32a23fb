package org.kelisim.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kelisim.request.CertificateType;

/**
 * Renders page 1 of each sealed certificate to PNG with PDFBox's own renderer, into
 * {@code target/certificate-specimens}; the pictures in {@code docs/certificates/} were made this way.
 */
class CertificateSpecimensTest {

    static final Path DIRECTORY = Path.of("target/certificate-specimens");

    @ParameterizedTest
    @EnumSource(CertificateType.class)
    void drawsTheFirstPageWithInkOnIt(CertificateType type) throws IOException {
        byte[] pdf = CertificateDocumentTest.sealedOnce(type);

        BufferedImage page;
        try (var document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 110, ImageType.RGB);
        }
        Files.createDirectories(DIRECTORY);
        ImageIO.write(page, "png", DIRECTORY.resolve(type.name().toLowerCase().replace('_', '-') + ".png").toFile());

        assertThat(page.getWidth()).isLessThan(page.getHeight());
        assertThat(darkPixelShare(page)).isBetween(0.01, 0.3);
    }

    @ParameterizedTest
    @EnumSource(CertificateType.class)
    void printsAQrCodeThatReadsAsTheVerificationAddress(CertificateType type) throws Exception {
        byte[] pdf = CertificateDocumentTest.sealedOnce(type);

        BufferedImage page;
        try (var document = Loader.loadPDF(pdf)) {
            int last = document.getNumberOfPages() - 1;
            page = new PDFRenderer(document).renderImageWithDPI(last, 150, ImageType.RGB);
        }
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(),
                pixels)));
        var result = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));

        assertThat(result.getText()).isEqualTo(Specimens.PUBLIC_URL + "/verify/KS-7Q2M-9XKD-4HTA");
    }

    private static double darkPixelShare(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int brightness = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (brightness < 300) {
                    dark++;
                }
            }
        }
        return (double) dark / ((long) image.getWidth() * image.getHeight());
    }
}
