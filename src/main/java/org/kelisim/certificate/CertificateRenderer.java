package org.kelisim.certificate;

import static org.kelisim.certificate.Wording.both;
import static org.kelisim.certificate.Wording.slash;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.kelisim.certificate.CertificateFonts.Faces;
import org.kelisim.certificate.PageFlow.Table;
import org.kelisim.registry.Localized;
import org.kelisim.registry.Person;
import org.kelisim.registry.RealEstateObject;
import org.kelisim.registry.RegisteredAddress;
import org.kelisim.request.CertificateType;

/**
 * Renders a certificate to an unsigned PDF/A-2b: A4, Kazakh and Russian in one document, as bilingual official
 * documents are (each label and registry text in Kazakh, then in Russian). Thread-safe: one instance serves all.
 */
final class CertificateRenderer {

    /** Kazakhstan keeps one time zone; documents show local time with its offset. */
    static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss '(UTC'xxx')'");
    private static final float QR_SIZE = 84;

    private final CertificateFonts fonts;

    CertificateRenderer(CertificateFonts fonts) {
        this.fonts = fonts;
    }

    byte[] render(CertificateContent content) {
        try (var document = new PDDocument()) {
            var faces = fonts.embedIn(document);
            try (var flow = new PageFlow(document, faces)) {
                flow.newPage();
                header(flow, content);
                person(flow, content.person());
                switch (content.type()) {
                    case ADDRESS -> address(flow, content.person());
                    case REAL_ESTATE_PRESENCE -> presence(flow, content);
                    case REAL_ESTATE_RIGHTS -> rights(flow, content);
                }
                footer(flow, content);
            }
            runningLines(document, faces, content);
            PdfAProfile.apply(document, Wording.title(content.type()), content);
            var out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Certificate " + content.documentNumber() + " could not be rendered", e);
        }
    }

    private void header(PageFlow flow, CertificateContent content) {
        var faces = flow.faces();
        float top = flow.y();
        flow.show(Wording.STATE.kk(), faces.bold(), 9.5f, PageFlow.ACCENT, PageFlow.LEFT, top - 10);
        flow.show(Wording.STATE.ru(), faces.bold(), 9.5f, PageFlow.ACCENT, PageFlow.LEFT, top - 22);
        flow.show(Wording.SERVICE.kk(), faces.regular(), 7, PageFlow.MUTED, PageFlow.LEFT, top - 36);
        flow.show(Wording.SERVICE.ru(), faces.regular(), 7, PageFlow.MUTED, PageFlow.LEFT, top - 45);

        float boxLeft = PageFlow.RIGHT - 190;
        float boxTop = top + 4;
        box(flow, boxLeft, boxTop - 56, 190, 56);
        float x = boxLeft + 7;
        flow.show(slash(Wording.DOCUMENT_NUMBER), faces.regular(), 6.5f, PageFlow.MUTED, x, boxTop - 11);
        flow.show(content.documentNumber(), faces.bold(), 11, PageFlow.INK, x, boxTop - 24);
        flow.show(slash(Wording.ISSUED_AT), faces.regular(), 6.5f, PageFlow.MUTED, x, boxTop - 37);
        flow.show(TIME.format(content.issuedAt().atZone(KAZAKHSTAN)), faces.bold(), 8.5f, PageFlow.INK, x,
                boxTop - 49);

        flow.moveTo(top - 62);
        flow.rule(1.2f, PageFlow.ACCENT);
        flow.space(16);
        var title = Wording.title(content.type());
        flow.centred(title.kk(), faces.bold(), 12.5f, PageFlow.INK);
        flow.space(2);
        flow.centred(title.ru(), faces.bold(), 12.5f, PageFlow.INK);
        flow.space(14);
    }

    private void person(PageFlow flow, Person person) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of(both(Wording.FULL_NAME), person.fullName()));
        rows.add(List.of(both(Wording.IIN), person.iin().value()));
        rows.add(List.of(both(Wording.BIRTH_DATE), date(person.birthDate())));
        flow.table(new Table(null, new float[] {0.38f, 0.62f}, rows, true, 9.5f));
        flow.space(14);
    }

    private void address(PageFlow flow, Person person) {
        heading(flow, Wording.REGISTERED_ADDRESS);
        if (person.address().isEmpty()) {
            statement(flow, Wording.NO_ADDRESS);
            return;
        }
        RegisteredAddress address = person.address().get();
        var rows = new ArrayList<List<String>>();
        rows.add(List.of(both(Wording.REGION), both(address.region())));
        rows.add(List.of(both(Wording.DISTRICT), address.district() == null ? "—" : both(address.district())));
        rows.add(List.of(both(Wording.LOCALITY), both(address.locality())));
        rows.add(List.of(both(Wording.STREET), both(address.street())));
        rows.add(List.of(both(Wording.HOUSE), text(address.house())));
        rows.add(List.of(both(Wording.FLAT), text(address.flat())));
        rows.add(List.of(both(Wording.REGISTERED_ON), date(address.registeredOn())));
        rows.add(List.of(both(Wording.REGISTRATION_CODE), text(address.registrationCode())));
        flow.table(new Table(null, new float[] {0.38f, 0.62f}, rows, true, 9.5f));
    }

    private void presence(PageFlow flow, CertificateContent content) {
        heading(flow, Wording.REAL_ESTATE);
        if (content.objects().isEmpty()) {
            statement(flow, Wording.NO_REAL_ESTATE);
            return;
        }
        statement(flow, count(content.objects().size()));
        flow.space(6);
        var rows = new ArrayList<List<String>>();
        int number = 1;
        for (var object : content.objects()) {
            rows.add(List.of(Integer.toString(number++), object.cadastralNumber(),
                    both(Wording.of(object.kind())) + "\n" + object.address().kk() + "\n" + object.address().ru(),
                    rightsOf(object, content.person().iin().value())));
        }
        var header = List.of(both(Wording.NUMBER), both(Wording.CADASTRAL_NUMBER), both(Wording.ADDRESS),
                both(Wording.KIND_OF_RIGHT));
        flow.table(new Table(header, new float[] {0.06f, 0.2f, 0.48f, 0.26f}, rows, false, 8.5f));
    }

    private void rights(PageFlow flow, CertificateContent content) {
        heading(flow, Wording.REAL_ESTATE);
        if (content.objects().isEmpty()) {
            statement(flow, Wording.NO_REAL_ESTATE);
            return;
        }
        statement(flow, count(content.objects().size()));
        int number = 1;
        for (var object : content.objects()) {
            flow.space(8);
            flow.keep(120);
            flow.paragraph(number++ + ". " + slash(Wording.of(object.kind())) + " · " + object.cadastralNumber(),
                    flow.faces().bold(), 10, PageFlow.ACCENT);
            flow.space(3);
            object(flow, object);
        }
    }

    private void object(PageFlow flow, RealEstateObject object) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of(both(Wording.CADASTRAL_NUMBER), object.cadastralNumber()));
        rows.add(List.of(both(Wording.OBJECT_TYPE), both(Wording.of(object.kind()))));
        rows.add(List.of(both(Wording.ADDRESS), object.address().kk() + "\n" + object.address().ru()));
        rows.add(List.of(both(Wording.AREA), area(object.area())));
        rows.add(List.of(both(Wording.FLOORS), object.floors() == null ? "—" : object.floors().toString()));
        rows.add(List.of(both(Wording.YEAR_BUILT), object.yearBuilt() == null ? "—" : object.yearBuilt().toString()));
        flow.table(new Table(null, new float[] {0.3f, 0.7f}, rows, true, 8.5f));

        flow.space(5);
        var holders = new ArrayList<List<String>>();
        for (var right : object.rights()) {
            holders.add(List.of(text(right.holderName()), text(right.holderId()), text(right.share()),
                    both(Wording.of(right.kind())), both(right.basis()), date(right.registeredOn())));
        }
        var holderHeader = List.of(both(Wording.HOLDER), both(Wording.HOLDER_ID), both(Wording.SHARE),
                both(Wording.KIND_OF_RIGHT), both(Wording.BASIS), both(Wording.DATE));
        flow.table(new Table(holderHeader, new float[] {0.19f, 0.15f, 0.07f, 0.18f, 0.27f, 0.14f}, holders, false,
                8));

        flow.space(5);
        if (object.encumbrances().isEmpty()) {
            flow.paragraph(slash(Wording.NO_ENCUMBRANCES), flow.faces().regular(), 8.5f, PageFlow.MUTED);
            return;
        }
        var encumbrances = new ArrayList<List<String>>();
        for (var encumbrance : object.encumbrances()) {
            encumbrances.add(List.of(both(Wording.of(encumbrance.kind())), both(encumbrance.holder()),
                    both(encumbrance.basis()), date(encumbrance.registeredOn())));
        }
        var header = List.of(both(Wording.ENCUMBRANCES) + " · " + slash(Wording.ENCUMBRANCE_KIND),
                both(Wording.ENCUMBRANCE_HOLDER), both(Wording.BASIS), both(Wording.DATE));
        flow.table(new Table(header, new float[] {0.2f, 0.3f, 0.36f, 0.14f}, encumbrances, false, 8));
    }

    /** Requester, consent, data source, the Art. 7 sentence and the QR code, kept together on one page. */
    private void footer(PageFlow flow, CertificateContent content) {
        var faces = flow.faces();
        flow.space(18);
        flow.keep(150);
        flow.rule(0.6f, PageFlow.RULE);
        flow.space(4);
        float top = flow.y();
        float textWidth = PageFlow.WIDTH - QR_SIZE - 18;
        var requester = content.requester();
        String when = CertificateRenderer.TIME.format(content.consentGivenAt().atZone(KAZAKHSTAN));
        String requestId = content.requestId().toString();
        String source = content.type() == CertificateType.ADDRESS
                ? slash(Wording.POPULATION_REGISTER) : slash(Wording.REAL_ESTATE_REGISTER);
        line(flow, slash(Wording.REQUESTER), requester.name() + " (" + requester.id() + ")", textWidth);
        line(flow, slash(Wording.CONSENT), Wording.CONSENT_TEXT.kk().formatted(requestId, when) + " / "
                + Wording.CONSENT_TEXT.ru().formatted(requestId, when), textWidth);
        line(flow, slash(Wording.SOURCE), source, textWidth);
        flow.space(4);
        flow.paragraph(Wording.PAPER_EQUIVALENCE.kk(), faces.regular(), 7.5f, PageFlow.INK, PageFlow.LEFT, textWidth);
        flow.space(2);
        flow.paragraph(Wording.PAPER_EQUIVALENCE.ru(), faces.regular(), 7.5f, PageFlow.INK, PageFlow.LEFT, textWidth);
        flow.space(4);
        flow.paragraph(slash(Wording.VERIFY) + ": " + content.verificationUrl(), faces.regular(), 7.5f,
                PageFlow.ACCENT, PageFlow.LEFT, textWidth);

        QrCode.draw(flow.stream(), content.verificationUrl(), PageFlow.RIGHT - QR_SIZE, top - QR_SIZE - 4, QR_SIZE);
        flow.moveTo(Math.min(flow.y(), top - QR_SIZE - 8));
    }

    private static void line(PageFlow flow, String label, String value, float width) {
        flow.paragraph(label + ": " + value, flow.faces().regular(), 8, PageFlow.INK, PageFlow.LEFT, width);
    }

    /** The running line of every page: document number and page number, drawn once the page count is known. */
    private static void runningLines(PDDocument document, Faces faces, CertificateContent content)
            throws IOException {
        PDFont font = faces.regular();
        int total = document.getNumberOfPages();
        int number = 1;
        for (PDPage page : document.getPages()) {
            try (var stream = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                stream.setStrokingColor(PageFlow.RULE[0], PageFlow.RULE[1], PageFlow.RULE[2]);
                stream.setLineWidth(0.5f);
                stream.moveTo(PageFlow.LEFT, 44);
                stream.lineTo(PageFlow.RIGHT, 44);
                stream.stroke();
                String pages = Wording.PAGE.kk().formatted(number, total) + " · "
                        + Wording.PAGE.ru().formatted(number, total);
                show(stream, font, content.documentNumber(), PageFlow.LEFT, 32);
                show(stream, font, pages, PageFlow.RIGHT - faces.width(pages, font, 7.5f), 32);
            }
            number++;
        }
    }

    private static void show(PDPageContentStream stream, PDFont font, String text,
            float x, float y) throws IOException {
        stream.beginText();
        stream.setFont(font, 7.5f);
        stream.setNonStrokingColor(PageFlow.MUTED[0], PageFlow.MUTED[1], PageFlow.MUTED[2]);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }

    private static void heading(PageFlow flow, Localized text) {
        flow.keep(60);
        flow.paragraph(slash(text), flow.faces().bold(), 10.5f, PageFlow.ACCENT);
        flow.space(4);
    }

    private static void statement(PageFlow flow, Localized text) {
        flow.paragraph(text.kk(), flow.faces().regular(), 9.5f, PageFlow.INK);
        flow.paragraph(text.ru(), flow.faces().regular(), 9.5f, PageFlow.INK);
    }

    private static Localized count(int objects) {
        return new Localized(Wording.OBJECT_COUNT.kk().formatted(objects),
                Wording.OBJECT_COUNT.ru().formatted(objects));
    }

    /** The kinds of right the person holds on the object (PRESENCE lists the person's own rights). */
    private static String rightsOf(RealEstateObject object, String iin) {
        var own = object.rights().stream().filter(right -> iin.equals(right.holderId()))
                .map(right -> Wording.of(right.kind()))
                .distinct()
                .toList();
        var kinds = own.isEmpty() ? object.rights().stream().map(right -> Wording.of(right.kind())).distinct()
                .toList() : own;
        return kinds.stream().map(Localized::kk).collect(Collectors.joining("; ")) + "\n"
                + kinds.stream().map(Localized::ru).collect(Collectors.joining("; "));
    }

    private static void box(PageFlow flow, float x, float y, float width, float height) {
        try {
            var stream = flow.stream();
            stream.setStrokingColor(PageFlow.ACCENT[0], PageFlow.ACCENT[1], PageFlow.ACCENT[2]);
            stream.setLineWidth(0.8f);
            stream.addRect(x, y, width, height);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private static String area(BigDecimal area) {
        return area == null ? "—" : area.stripTrailingZeros().toPlainString();
    }
}
