package org.kelisim.certificate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kelisim.identity.Iin;
import org.kelisim.registry.Localized;
import org.kelisim.registry.Person;
import org.kelisim.registry.RealEstateObject;
import org.kelisim.registry.RealEstateObject.Encumbrance;
import org.kelisim.registry.RealEstateObject.EncumbranceKind;
import org.kelisim.registry.RealEstateObject.Kind;
import org.kelisim.registry.RealEstateObject.Right;
import org.kelisim.registry.RealEstateObject.RightKind;
import org.kelisim.registry.RegisteredAddress;
import org.kelisim.request.CertificateType;
import org.kelisim.request.Requester;

/** Demo-like people for the certificate tests: one with nothing registered, one with a long list of property. */
final class Specimens {

    static final String RICH_IIN = "850715300003";
    static final String POOR_IIN = "900101400003";
    static final Requester BANK = new Requester("200340000011", "АО «Қазақ Банкі»", true);
    static final Instant ISSUED_AT = Instant.parse("2026-12-03T09:15:30Z");
    static final String PUBLIC_URL = "https://kelisim.example.kz";

    static final RegisteredAddress ADDRESS = new RegisteredAddress(
            new Localized("Алматы қаласы", "город Алматы"),
            new Localized("Медеу ауданы", "Медеуский район"),
            new Localized("Алматы қаласы", "город Алматы"),
            new Localized("Әйтеке би көшесі", "улица Айтеке би"),
            "187", "42", LocalDate.of(2014, 3, 12), "0301201400123456");

    private Specimens() {
    }

    static Person rich() {
        return new Person(new Iin(RICH_IIN), "Әбілқасымова", "Гүлнұр", "Серікқызы", LocalDate.of(1985, 7, 15),
                Optional.of(ADDRESS));
    }

    static Person poor() {
        return new Person(new Iin(POOR_IIN), "Иванов", "Пётр", null, LocalDate.of(1990, 1, 1), Optional.empty());
    }

    /** Enough objects, holders and encumbrances to run over several pages. */
    static List<RealEstateObject> manyObjects() {
        var objects = new ArrayList<RealEstateObject>();
        Kind[] kinds = Kind.values();
        for (int i = 1; i <= 14; i++) {
            var rights = new ArrayList<Right>();
            rights.add(new Right(RICH_IIN, "Әбілқасымова Гүлнұр Серікқызы", i % 3 == 0 ? "1/2" : "1",
                    i % 3 == 0 ? RightKind.SHARED_OWNERSHIP : RightKind.OWNERSHIP,
                    new Localized("Сатып алу-сату шарты № " + (1000 + i), "Договор купли-продажи № " + (1000 + i)),
                    LocalDate.of(2010 + i % 12, 1 + i % 12, 1 + i)));
            if (i % 3 == 0) {
                rights.add(new Right("900101400003", "Иванов Пётр", "1/2", RightKind.SHARED_OWNERSHIP,
                        new Localized("Сыйға тарту шарты", "Договор дарения"), LocalDate.of(2015, 6, 1)));
            }
            var encumbrances = new ArrayList<Encumbrance>();
            if (i % 2 == 0) {
                encumbrances.add(new Encumbrance(EncumbranceKind.MORTGAGE, new Localized("«Қазақ Банкі» АҚ",
                        "АО «Казахский Банк»"), new Localized("Ипотекалық қарыз шарты № И-" + i,
                        "Договор ипотечного займа № И-" + i), LocalDate.of(2019, 4, 10)));
            }
            if (i % 5 == 0) {
                encumbrances.add(new Encumbrance(EncumbranceKind.ARREST, new Localized("Алматы қаласының "
                        + "Медеу аудандық соты", "Медеуский районный суд города Алматы"),
                        new Localized("Соттың 2023 жылғы 5 мамырдағы ұйғарымы",
                                "Определение суда от 5 мая 2023 года"), LocalDate.of(2023, 5, 5)));
            }
            if (i % 7 == 0) {
                encumbrances.add(new Encumbrance(EncumbranceKind.LEASE, Localized.same("ЖШС «Ақ Жол Сауда»"),
                        new Localized("Жалға алу шарты № 77", "Договор аренды № 77"), LocalDate.of(2024, 2, 1)));
            }
            var kind = kinds[i % kinds.length];
            objects.add(new RealEstateObject("20:315:049:" + String.format("%03d", i) + ":23", kind,
                    new Localized("Алматы қ., Медеу ауданы, Достық даңғылы, " + (100 + i) + "-үй, " + i + "-пәтер",
                            "г. Алматы, Медеуский район, проспект Достык, дом " + (100 + i) + ", кв. " + i),
                    new BigDecimal("54.30").add(BigDecimal.valueOf(i * 7L)), kind == Kind.LAND_PLOT ? null : 9,
                    kind == Kind.LAND_PLOT ? null : 1998 + i, rights, encumbrances));
        }
        return objects;
    }

    static CertificateContent content(CertificateType type, boolean rich) {
        String number = "KS-7Q2M-9XKD-4HTA";
        var person = rich ? rich() : poor();
        var objects = rich && type != CertificateType.ADDRESS ? manyObjects() : List.<RealEstateObject>of();
        return new CertificateContent(number, type, ISSUED_AT, person, objects, BANK,
                UUID.fromString("3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"), ISSUED_AT.minusSeconds(95),
                PUBLIC_URL + "/verify/" + number);
    }
}
