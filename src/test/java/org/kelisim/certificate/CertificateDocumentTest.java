package org.kelisim.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kelisim.request.CertificateType;

/**
 * Each certificate type, for a person with nothing registered and for one whose property runs over pages: rendered,
 * sealed with a time-stamped PAdES signature, and checked with independent tools (PDFBox text extraction, veraPDF,
 * BouncyCastle, poppler's pdfsig).
 */
class CertificateDocumentTest {

    static final CertificateRenderer RENDERER = new CertificateRenderer(CertificateFonts.load());
    static final PadesSigner SIGNER = new PadesSigner(Optional.of(new EmbeddedTimeStampAuthority(() -> TestKeys.TSA,
            Clock.fixed(Specimens.ISSUED_AT, ZoneOffset.UTC))));
    static final Map<String, byte[]> SEALED = new LinkedHashMap<>();

    @BeforeAll
    static void renderAndSealEveryType() {
        for (var type : CertificateType.values()) {
            for (boolean rich : new boolean[] {false, true}) {
                byte[] pdf = RENDERER.render(Specimens.content(type, rich));
                SEALED.put(key(type, rich), SIGNER.sign(pdf, TestKeys.SEAL, Specimens.ISSUED_AT));
            }
        }
    }

    static Stream<Arguments> documents() {
        return Stream.of(CertificateType.values()).flatMap(type -> Stream.of(Arguments.of(type, false),
                Arguments.of(type, true)));
    }

    @ParameterizedTest(name = "{0}, with property: {1}")
    @MethodSource("documents")
    void namesThePersonInBothLanguages(CertificateType type, boolean rich) throws IOException {
        String text = text(SEALED.get(key(type, rich)));

        var person = rich ? Specimens.rich() : Specimens.poor();
        assertThat(text).contains(person.fullName(), person.iin().value(), "ЖСН", "ИИН", "Туған күні",
                "Дата рождения", "KS-7Q2M-9XKD-4HTA", Specimens.BANK.name(), Specimens.BANK.id(), "№ 370-II",
                "7-бабы 1-тармағына", "равнозначен", Specimens.PUBLIC_URL + "/verify/");
        assertThat(text).contains(Wording.title(type).ru());
    }

    @Test
    void showsTheAddressInBothLanguages() throws IOException {
        String text = text(SEALED.get(key(CertificateType.ADDRESS, true)));

        assertThat(text).contains("Алматы қаласы", "город Алматы", "Медеу ауданы", "Медеуский район",
                "Әйтеке би көшесі", "улица Айтеке би", "0301201400123456", "12.03.2014");
    }

    @Test
    void saysSoWhenNothingIsRegistered() throws IOException {
        assertThat(text(SEALED.get(key(CertificateType.ADDRESS, false))))
                .contains("Тіркелген тұрғылықты жері жоқ", "Зарегистрированное место жительства отсутствует");
        assertThat(text(SEALED.get(key(CertificateType.REAL_ESTATE_PRESENCE, false))))
                .contains("объектілер жоқ", "не зарегистрировано объектов");
    }

    @Test
    void listsEveryObjectWithItsRightsAndEncumbrancesOverSeveralPages() throws IOException {
        byte[] pdf = SEALED.get(key(CertificateType.REAL_ESTATE_RIGHTS, true));
        String text = text(pdf);

        assertThat(pages(pdf)).isGreaterThan(2);
        for (var object : Specimens.manyObjects()) {
            assertThat(text).contains(object.cadastralNumber());
        }
        assertThat(text).contains("Ипотека (кепіл)", "Арест", "Договор аренды № 77", "Правообладатель",
                "Обременения", "Бет 1 / " + pages(pdf), "Страница " + pages(pdf) + " из " + pages(pdf));
        assertThat(pages(SEALED.get(key(CertificateType.REAL_ESTATE_PRESENCE, true)))).isGreaterThan(1);
    }

    @ParameterizedTest(name = "{0}, with property: {1}")
    @MethodSource("documents")
    void isPdfA2bBeforeAndAfterSealing(CertificateType type, boolean rich) {
        byte[] sealed = SEALED.get(key(type, rich));

        assertThat(PdfA.violationsOf(RENDERER.render(Specimens.content(type, rich)))).isEmpty();
        assertThat(PdfA.violationsOf(sealed)).isEmpty();
    }

    @Test
    void veraPdfFindsViolationsInAPlainPdf() throws IOException {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            var out = new java.io.ByteArrayOutputStream();
            document.save(out);

            assertThat(PdfA.violationsOf(out.toByteArray())).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}, with property: {1}")
    @MethodSource("documents")
    void carriesAPadesBaselineTSignatureThatVerifies(CertificateType type, boolean rich) throws Exception {
        byte[] pdf = SEALED.get(key(type, rich));

        try (var document = Loader.loadPDF(pdf)) {
            var signature = document.getLastSignatureDictionary();
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            int[] range = signature.getByteRange();
            assertThat((long) range[2] + range[3]).isEqualTo(pdf.length);

            var cms = DocumentVerifier.cmsOf(signature, pdf);
            var signer = cms.getSignerInfos().getSigners().iterator().next();
            var certificate = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator()
                    .next();
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(TestKeys.SEAL.certificate())))
                    .isTrue();
            assertThat(certificate.getEncoded()).isEqualTo(TestKeys.SEAL.certificate().getEncoded());
            assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
                    .isNotNull();
            assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();

            var token = DocumentVerifier.timeStampOf(signer).orElseThrow();
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(TestKeys.TSA.certificate()));
            assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                    .isEqualTo(PadesSigner.sha256(signer.getSignature()));
            assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(Specimens.ISSUED_AT);
        }
    }

    @ParameterizedTest(name = "{0}, with property: {1}")
    @MethodSource("documents")
    void showsAsValidlySignedInPoppler(CertificateType type, boolean rich) throws Exception {
        Path pdfsig = Path.of("/usr/bin/pdfsig");
        assumeTrue(Files.isExecutable(pdfsig), "poppler-utils is not installed");
        Path file = Files.createTempFile("kelisim-", ".pdf");
        try {
            Files.write(file, SEALED.get(key(type, rich)));
            var process = new ProcessBuilder(pdfsig.toString(), file.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(output).contains("Signature is Valid", "ETSI.CAdES.detached",
                    "Signature Type: ETSI.CAdES.detached", "Total document signed");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A sealed certificate for a person with property, for tests that need one issued file. */
    static byte[] sealedOnce(CertificateType type) {
        return SIGNER.sign(RENDERER.render(Specimens.content(type, true)), TestKeys.SEAL, Specimens.ISSUED_AT);
    }

    private static String key(CertificateType type, boolean rich) {
        return type + (rich ? "-rich" : "-poor");
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            // Lines break where the layout wants; the assertions read the text as one line.
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }
}
