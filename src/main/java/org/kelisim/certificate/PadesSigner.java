package org.kelisim.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.kelisim.signature.ServiceKeys.KeyMaterial;

/**
 * Seals a rendered certificate with a PAdES signature (ETSI EN 319 142-1): an incremental update holding a CMS
 * detached signature (SubFilter ETSI.CAdES.detached) with the signing-certificate-v2 attribute and no signing-time
 * attribute (the time is the M entry of the signature dictionary), which is PAdES-BASELINE-B; with a time-stamping
 * authority, an RFC 3161 signature time-stamp as an unsigned attribute makes it PAdES-BASELINE-T.
 * <p>
 * The signature field's widget is printable and has an empty rectangle, so the sealed file stays PDF/A-2b.
 */
final class PadesSigner {

    /** Room for the CMS: the chain, the time-stamp token with its own chain; unused room is zero padding. */
    private static final int CONTENTS_SIZE = 24 * 1024;

    private final Optional<TimeStamps> timeStamps;

    PadesSigner(Optional<TimeStamps> timeStamps) {
        this.timeStamps = timeStamps;
    }

    boolean timeStamped() {
        return timeStamps.isPresent();
    }

    byte[] sign(byte[] pdf, KeyMaterial seal, Instant at) {
        try (var document = Loader.loadPDF(pdf)) {
            var signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName("Kelisim");
            signature.setLocation("Қазақстан / Казахстан");
            signature.setReason("Анықтама берілді / Справка выдана");
            var calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            calendar.setTimeInMillis(at.toEpochMilli());
            signature.setSignDate(calendar);

            var options = new SignatureOptions();
            options.setPreferredSignatureSize(CONTENTS_SIZE);
            document.addSignature(signature, content -> cms(content, seal), options);
            for (var field : document.getDocumentCatalog().getAcroForm(null).getFields()) {
                if (field instanceof PDSignatureField signatureField) {
                    // PDF/A-2 (6.3.2) wants every annotation printable, the invisible signature widget included.
                    signatureField.getWidgets().forEach(widget -> widget.setPrinted(true));
                }
            }
            var out = new ByteArrayOutputStream(pdf.length + 2 * CONTENTS_SIZE + 4096);
            document.saveIncremental(out);
            options.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The certificate could not be sealed", e);
        }
    }

    private byte[] cms(InputStream content, KeyMaterial seal) throws IOException {
        try {
            var digests = new JcaDigestCalculatorProviderBuilder().build();
            var contentSigner = new JcaContentSignerBuilder(signatureAlgorithm(seal)).build(seal.privateKey());
            var signerInfo = new JcaSignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(new BaselineAttributes(signingCertificateV2(seal)))
                    .build(contentSigner, seal.certificate());
            var generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(new JcaCertStore(seal.chain()));
            var signed = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
            if (timeStamps.isPresent()) {
                signed = withTimeStamp(signed, timeStamps.get());
            }
            return signed.getEncoded("DER");
        } catch (OperatorCreationException | CMSException | CertificateEncodingException e) {
            throw new IOException("The CMS signature could not be made", e);
        }
    }

    /** PAdES-BASELINE-T (ETSI EN 319 142-1, 6.3): a signature-time-stamp over the signature value. */
    private static CMSSignedData withTimeStamp(CMSSignedData signed, TimeStamps authority) {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        var token = authority.stamp(sha256(signer.getSignature()));
        var unsigned = new ASN1EncodableVector();
        unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(token.toCMSSignedData().toASN1Structure())));
        var stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    private static Attribute signingCertificateV2(KeyMaterial seal) throws CertificateEncodingException {
        var certificate = seal.certificate();
        var issuer = new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded())));
        var id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                sha256(certificate.getEncoded()), new IssuerSerial(issuer, certificate.getSerialNumber()));
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    }

    static String signatureAlgorithm(KeyMaterial key) {
        return switch (key.privateKey().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> throw new IllegalStateException("The seal's key algorithm is not supported for PAdES: "
                    + key.privateKey().getAlgorithm());
        };
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** The standard attributes plus signing-certificate-v2, without signing-time (EN 319 142-1, 5.2.2.2). */
    private static final class BaselineAttributes implements CMSAttributeTableGenerator {

        private final Attribute signingCertificate;

        BaselineAttributes(Attribute signingCertificate) {
            this.signingCertificate = signingCertificate;
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public AttributeTable getAttributes(Map parameters) {
            var table = new DefaultSignedAttributeTableGenerator(
                    new AttributeTable(new DERSet(signingCertificate))).getAttributes(parameters);
            return table.remove(CMSAttributes.signingTime);
        }
    }
}
