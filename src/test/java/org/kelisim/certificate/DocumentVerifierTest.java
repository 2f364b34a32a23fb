package org.kelisim.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kelisim.certificate.DocumentVerifier.Finding;
import org.kelisim.request.CertificateType;

class DocumentVerifierTest {

    static final byte[] ISSUED = CertificateDocumentTest.sealedOnce(CertificateType.ADDRESS);
    static final IssuedDocument STORED = new IssuedDocument(UUID.randomUUID(), "KS-7Q2M-9XKD-4HTA",
            CertificateType.ADDRESS, Specimens.BANK.id(), Specimens.BANK.name(), Specimens.RICH_IIN,
            Specimens.ISSUED_AT, PadesSigner.sha256(ISSUED));
    static final Map<String, IssuedDocument> STORE = Map.of(HexFormat.of().formatHex(STORED.sha256()), STORED);

    final DocumentVerifier verifier = new DocumentVerifier(
            hash -> Optional.ofNullable(STORE.get(HexFormat.of().formatHex(hash))), TestKeys.SEAL::certificate);

    @Test
    void findsTheIssuedFileAuthentic() {
        var verification = verifier.verify(ISSUED);

        assertThat(verification.finding()).isEqualTo(Finding.AUTHENTIC);
        assertThat(verification.document()).contains(STORED);
        assertThat(verification.signer()).contains("Kelisim Seal");
    }

    @Nested
    class RefusesATamperedFile {

        @Test
        void withOneByteFlipped() {
            byte[] file = ISSUED.clone();
            int[] range = byteRange(file);
            int inside = range[1] / 2;
            file[inside] ^= 0x01;

            assertThat(verifier.verify(file).finding()).isEqualTo(Finding.SIGNATURE_INVALID);
        }

        @Test
        void withAFlippedByteInTheSignatureItself() {
            byte[] file = ISSUED.clone();
            int[] range = byteRange(file);
            // The hex digits of the CMS start right after the '<' at the end of the first signed range.
            file[range[1] + 301] = (byte) (file[range[1] + 301] == '0' ? '1' : '0');

            assertThat(verifier.verify(file).finding()).isEqualTo(Finding.SIGNATURE_INVALID);
        }

        @Test
        void withAnAppendedIncrementalUpdate() throws IOException {
            byte[] file;
            try (var document = Loader.loadPDF(ISSUED)) {
                document.getDocumentInformation().setTitle("Справка изменена");
                document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
                var out = new ByteArrayOutputStream();
                document.saveIncremental(out);
                file = out.toByteArray();
            }

            assertThat(file.length).isGreaterThan(ISSUED.length);
            assertThat(verifier.verify(file).finding()).isEqualTo(Finding.MODIFIED_AFTER_SIGNING);
        }

        @Test
        void resignedByAnotherKey() {
            byte[] file = new PadesSigner(Optional.empty()).sign(ISSUED, TestKeys.STRANGER, Specimens.ISSUED_AT);

            assertThat(verifier.verify(file).finding()).isEqualTo(Finding.FOREIGN_SIGNATURE);
        }

        @Test
        void truncated() {
            byte[] file = Arrays.copyOf(ISSUED, ISSUED.length - 200);

            assertThat(verifier.verify(file).finding()).isEqualTo(Finding.TRUNCATED);
        }
    }

    @Nested
    class RefusesAFileKelisimDidNotIssue {

        @Test
        void signedByAStranger() {
            byte[] pdf = CertificateDocumentTest.RENDERER.render(Specimens.content(CertificateType.ADDRESS, false));
            byte[] file = new PadesSigner(Optional.empty()).sign(pdf, TestKeys.STRANGER, Specimens.ISSUED_AT);

            assertThat(verifier.verify(file).finding()).isEqualTo(Finding.FOREIGN_SIGNATURE);
        }

        @Test
        void unsigned() {
            byte[] pdf = CertificateDocumentTest.RENDERER.render(Specimens.content(CertificateType.ADDRESS, false));

            assertThat(verifier.verify(pdf).finding()).isEqualTo(Finding.NOT_SIGNED);
        }

        @Test
        void sealedByKelisimButNeverStored() {
            byte[] pdf = CertificateDocumentTest.RENDERER.render(Specimens.content(CertificateType.ADDRESS, false));
            byte[] file = new PadesSigner(Optional.empty()).sign(pdf, TestKeys.SEAL, Specimens.ISSUED_AT);

            assertThat(verifier.verify(file).finding()).isEqualTo(Finding.UNKNOWN_DOCUMENT);
        }

        @Test
        void thatIsNoPdfAtAll() {
            byte[] file = "GIF89a, a picture of a certificate".getBytes(StandardCharsets.US_ASCII);

            assertThat(verifier.verify(file).finding()).isEqualTo(Finding.NOT_PDF);
        }

        @Test
        void thatIsAPdfHeaderOnly() {
            byte[] file = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

            assertThat(verifier.verify(file).finding()).isEqualTo(Finding.DAMAGED);
        }
    }

    private static int[] byteRange(byte[] file) {
        try (var document = Loader.loadPDF(file)) {
            return document.getLastSignatureDictionary().getByteRange();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
