package org.kelisim.certificate;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.kelisim.registry.Localized;

/**
 * What makes the rendered file PDF/A-2b (ISO 19005-2, level B): XMP metadata that identifies the part and level and
 * repeats the document information, and an sRGB output intent for the device colours the pages use. Fonts are
 * embedded by {@link CertificateFonts}.
 */
final class PdfAProfile {

    static final String PRODUCER = "Kelisim";

    /** The JDK's own sRGB profile: no file to ship. */
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private PdfAProfile() {
    }

    static void apply(PDDocument document, Localized title, CertificateContent content) throws IOException {
        var created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(content.issuedAt().toEpochMilli() / 1000 * 1000);
        String documentTitle = title.ru() + " / " + title.kk() + " № " + content.documentNumber();

        var information = new PDDocumentInformation();
        information.setTitle(documentTitle);
        information.setCreator(PRODUCER);
        information.setProducer(PRODUCER);
        information.setCreationDate(created);
        information.setModificationDate(created);
        document.setDocumentInformation(information);

        var metadata = new PDMetadata(document, new ByteArrayInputStream(xmp(documentTitle, content, created)));
        document.getDocumentCatalog().setMetadata(metadata);
        document.getDocumentCatalog().setLanguage("ru-KZ");

        var intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
    }

    private static byte[] xmp(String title, CertificateContent content, Calendar created) throws IOException {
        try {
            var xmp = XMPMetadata.createXMPMetadata();
            var pdfa = xmp.createAndAddPDFAIdentificationSchema();
            pdfa.setPart(2);
            pdfa.setConformance("B");

            var dublinCore = xmp.createAndAddDublinCoreSchema();
            dublinCore.setTitle(title);
            dublinCore.addCreator(PRODUCER);
            dublinCore.setFormat("application/pdf");
            dublinCore.addLanguage("kk");
            dublinCore.addLanguage("ru");
            dublinCore.setIdentifier(content.documentNumber());

            var basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreateDate(created);
            basic.setModifyDate(created);
            basic.setCreatorTool(PRODUCER);

            var pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(PRODUCER);

            var out = new ByteArrayOutputStream(4096);
            new XmpSerializer().serialize(xmp, out, true);
            return out.toByteArray();
        } catch (BadFieldValueException | javax.xml.transform.TransformerException e) {
            throw new IOException("XMP metadata could not be written", e);
        }
    }
}
