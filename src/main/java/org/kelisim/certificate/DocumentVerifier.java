package org.kelisim.certificate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Decides whether a file is a certificate Kelisim issued: authentic only when its bytes are exactly those stored
 * (SHA-256) and its PAdES signature verifies. Anything else gets the reason a holder can act on.
 */
final class DocumentVerifier {

    /** Why a file is or is not authentic; {@link #code()} is what the API answers. */
    enum Finding {
        AUTHENTIC, NOT_PDF, TRUNCATED, DAMAGED, NOT_SIGNED, MODIFIED_AFTER_SIGNING, SIGNATURE_INVALID,
        FOREIGN_SIGNATURE, UNKNOWN_DOCUMENT;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param document the stored document the file is, when it is authentic
     * @param signer the subject of the signing certificate, when the signature verifies
     */
    record Verification(Finding finding, Optional<IssuedDocument> document, String signer) {

        boolean authentic() {
            return finding == Finding.AUTHENTIC;
        }
    }

    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    private final Function<byte[], Optional<IssuedDocument>> byHash;
    private final Supplier<X509Certificate> seal;

    /**
     * @param byHash finds the issued document with the given SHA-256
     * @param seal the current certificate of the service's seal
     */
    DocumentVerifier(Function<byte[], Optional<IssuedDocument>> byHash, Supplier<X509Certificate> seal) {
        this.byHash = byHash;
        this.seal = seal;
    }

    Verification verify(byte[] file) {
        if (!startsWith(file, PDF_HEADER)) {
            return new Verification(Finding.NOT_PDF, Optional.empty(), null);
        }
        var stored = byHash.apply(PadesSigner.sha256(file));
        if (stored.isEmpty() && !endsWithEofMarker(file)) {
            return new Verification(Finding.TRUNCATED, Optional.empty(), null);
        }

        var check = checkSignature(file);
        if (check.finding() != null) {
            return new Verification(check.finding(), Optional.empty(), null);
        }
        if (stored.isPresent()) {
            return new Verification(Finding.AUTHENTIC, stored, check.signer().getSubjectX500Principal().getName());
        }
        boolean ours = Arrays.equals(check.signer().getPublicKey().getEncoded(),
                seal.get().getPublicKey().getEncoded());
        return new Verification(ours ? Finding.UNKNOWN_DOCUMENT : Finding.FOREIGN_SIGNATURE, Optional.empty(), null);
    }

    /** The last signature of the file must cover all of it and verify, its time-stamp included. */
    private static SignatureCheck checkSignature(byte[] file) {
        try (var document = Loader.loadPDF(file)) {
            var last = document.getSignatureDictionaries().stream()
                    .filter(signature -> signature.getByteRange().length == 4)
                    .max(Comparator.comparingLong(signature -> end(signature.getByteRange())));
            if (last.isEmpty()) {
                return SignatureCheck.refused(Finding.NOT_SIGNED);
            }
            int[] range = last.get().getByteRange();
            if (range[0] != 0 || end(range) != file.length) {
                return SignatureCheck.refused(Finding.MODIFIED_AFTER_SIGNING);
            }
            return verifyCms(last.get(), file);
        } catch (IOException unreadable) {
            return SignatureCheck.refused(Finding.DAMAGED);
        }
    }

    private static SignatureCheck verifyCms(PDSignature signature, byte[] file) throws IOException {
        try {
            var cms = cmsOf(signature, file);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            var matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return SignatureCheck.refused(Finding.SIGNATURE_INVALID);
            }
            var holder = (X509CertificateHolder) matches.iterator().next();
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))
                    || !timeStampHolds(signer)) {
                return SignatureCheck.refused(Finding.SIGNATURE_INVALID);
            }
            return new SignatureCheck(null, new JcaX509CertificateConverter().getCertificate(holder));
        } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
            // A damaged /Contents makes the CMS unreadable or its digest wrong: either way it does not verify.
            return SignatureCheck.refused(Finding.SIGNATURE_INVALID);
        }
    }

    /** The CMS of a signature; /Contents is padded with zeros after the DER object, which are left out. */
    static CMSSignedData cmsOf(PDSignature signature, byte[] file) throws IOException, CMSException {
        try (var in = new ASN1InputStream(signature.getContents(file))) {
            return new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(file)),
                    ContentInfo.getInstance(in.readObject()));
        }
    }

    /** A signature time-stamp, when present, must be signed by its TSA and be over this signature value. */
    static boolean timeStampHolds(SignerInformation signer) {
        var token = timeStampOf(signer);
        if (token.isEmpty()) {
            return true;
        }
        try {
            var tsa = token.get().getCertificates().getMatches(token.get().getSID());
            if (tsa.isEmpty()) {
                return false;
            }
            token.get().validate(new JcaSimpleSignerInfoVerifierBuilder()
                    .build((X509CertificateHolder) tsa.iterator().next()));
            return Arrays.equals(token.get().getTimeStampInfo().getMessageImprintDigest(),
                    PadesSigner.sha256(signer.getSignature()));
        } catch (TSPException | OperatorCreationException | CertificateException e) {
            return false;
        }
    }

    static Optional<TimeStampToken> timeStampOf(SignerInformation signer) {
        var attributes = signer.getUnsignedAttributes();
        var attribute = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TimeStampToken(new CMSSignedData(
                    attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded())));
        } catch (IOException | CMSException | TSPException e) {
            throw new IllegalArgumentException("unreadable time-stamp token", e);
        }
    }

    private static long end(int[] range) {
        return (long) range[2] + range[3];
    }

    private static boolean startsWith(byte[] file, byte[] prefix) {
        return file.length >= prefix.length && Arrays.equals(file, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** A whole PDF ends with %%EOF, followed at most by line ends (ISO 32000-1, 7.5.5). */
    private static boolean endsWithEofMarker(byte[] file) {
        int end = file.length;
        while (end > 0 && (file[end - 1] == '\n' || file[end - 1] == '\r' || file[end - 1] == ' '
                || file[end - 1] == 0)) {
            end--;
        }
        return end >= EOF_MARKER.length
                && Arrays.equals(file, end - EOF_MARKER.length, end, EOF_MARKER, 0, EOF_MARKER.length);
    }

    private record SignatureCheck(Finding finding, X509Certificate signer) {

        static SignatureCheck refused(Finding finding) {
            return new SignatureCheck(finding, null);
        }
    }
}
