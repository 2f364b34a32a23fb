package org.kelisim.certificate;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
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

    /**
     * The XMP packet, written from a template: the same fields xmpbox would write, without building and serializing
     * a DOM for every document (which costs more than the rest of the PDF/A profile).
     */
    static byte[] xmp(String title, CertificateContent content, Calendar created) {
        String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created.toInstant().atOffset(ZoneOffset.UTC));
        String packet = XMP_TEMPLATE
                .replace("{title}", escape(title))
                .replace("{identifier}", escape(content.documentNumber()))
                .replace("{date}", date)
                .replace("{producer}", PRODUCER);
        return packet.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String XMP_TEMPLATE = """
            <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
              <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                  <pdfaid:part>2</pdfaid:part>
                  <pdfaid:conformance>B</pdfaid:conformance>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <dc:format>application/pdf</dc:format>
                  <dc:identifier>{identifier}</dc:identifier>
                  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
                  <dc:creator><rdf:Seq><rdf:li>{producer}</rdf:li></rdf:Seq></dc:creator>
                  <dc:language><rdf:Bag><rdf:li>kk</rdf:li><rdf:li>ru</rdf:li></rdf:Bag></dc:language>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
                  <xmp:CreateDate>{date}</xmp:CreateDate>
                  <xmp:ModifyDate>{date}</xmp:ModifyDate>
                  <xmp:CreatorTool>{producer}</xmp:CreatorTool>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                  <pdf:Producer>{producer}</pdf:Producer>
                </rdf:Description>
              </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>""";
}
