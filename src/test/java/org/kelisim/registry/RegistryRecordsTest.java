package org.kelisim.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kelisim.identity.Bin;
import org.kelisim.identity.Iin;
import org.kelisim.registry.DemoPeople.DemoOrganisation;
import org.kelisim.registry.DemoPeople.DemoPerson;
import org.kelisim.registry.RealEstateObject.Encumbrance;
import org.kelisim.registry.RealEstateObject.EncumbranceKind;
import org.kelisim.registry.RealEstateObject.Right;
import org.kelisim.registry.RealEstateObject.RightKind;

class RegistryRecordsTest {

    private static final String IIN = "850715300003";
    private static final String NAME = "Сәрсенбаев";
    private static final String PHONE = "+77015550102";
    private static final String STREET = "Абай даңғылы";

    private final RegisteredAddress address = new RegisteredAddress(new Localized("Астана қаласы", "город Астана"),
            Localized.same("Есіл ауданы"), Localized.same("Астана қаласы"), Localized.same(STREET), "12", "417",
            LocalDate.of(2010, 5, 4), "2100000012345678");

    @Test
    void showNoPersonalDataInToString() {
        var iin = Iin.of(IIN);
        var right = new Right(IIN, NAME + " Асқар", "1", RightKind.OWNERSHIP, Localized.same("Шарт"),
                LocalDate.of(2015, 1, 1));
        var encumbrance = new Encumbrance(EncumbranceKind.LEASE, Localized.same(NAME + " Асқар"),
                Localized.same("Шарт"), LocalDate.of(2020, 1, 1));
        var texts = List.of(
                new Person(iin, NAME, "Асқар", "Нұрланұлы", LocalDate.of(1985, 7, 15), Optional.of(address)),
                address,
                right,
                encumbrance,
                new RealEstateObject("21:320:049:012:45", RealEstateObject.Kind.APARTMENT, Localized.same(STREET),
                        BigDecimal.TEN, 9, 1985, List.of(right), List.of(encumbrance)),
                new DemoPerson(iin, NAME, "Асқар", null, PHONE, true, true, "user"),
                new DemoOrganisation(Bin.of("200340000011"), Localized.same("АО «Банк»"), iin, List.of(iin)),
                new DemoDataSet.MobilePhone(iin, PHONE, LocalDate.of(2020, 1, 1)),
                new HttpRegistries.PhoneAnswer(IIN, PHONE)).stream().map(Object::toString).toList();

        assertThat(texts).allSatisfy(text -> assertThat(text)
                .doesNotContain(IIN, NAME, PHONE, STREET, "Асқар", "417"));
    }
}
