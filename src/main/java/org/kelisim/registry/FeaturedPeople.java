package org.kelisim.registry;

import java.util.List;

/**
 * The people a demo is walked with, and the demo organisations. Their IINs, BINs and phones are fixed: other modules
 * (demo keys of the demo CA, browser tests, the README) name them. Invented people; the IINs are valid but made up.
 */
final class FeaturedPeople {

    private FeaturedPeople() {
    }

    /**
     * @param phone the BMG phone, or {@code null} when the person is not in BMG
     * @param apartment whether the registered address has a flat
     * @param region cadastral code of the region of the registered address (see {@link DemoCatalogue#REGIONS})
     */
    record Spec(String role, String iin, String surname, String givenName, String patronymic, String phone,
            boolean portal, boolean apartment, String region) {

        @Override
        public String toString() {
            return "Spec[" + role + "]";
        }
    }

    record OrganisationSpec(String bin, Localized name) {
    }

    static final Spec THIRD_PARTY = new Spec("third-party", "680214300013", "Қасымов", "Ерлан", "Серікұлы",
            "+77015550101", true, true, "20");
    static final Spec USER = new Spec("user", "850715300003", "Сәрсенбаев", "Асқар", "Нұрланұлы",
            "+77015550102", true, true, "21");
    static final Spec USER_PORTAL = new Spec("user-portal", "900101400404", "Әбдірахманова", "Әйгерім",
            "Қайратқызы", null, true, false, "22");
    static final Spec USER_MOBILE = new Spec("user-mobile", "780923300019", "Кузнецов", "Андрей", "Викторович",
            "+77015550104", false, true, "09");
    static final Spec USER_UNREGISTERED = new Spec("user-unregistered", "010505500010", "Жұмабаев", "Ілияс",
            "Маратұлы", null, false, false, "19");
    static final Spec USER_NO_PROPERTY = new Spec("user-no-property", "950330400018", "Смирнова", "Ольга",
            "Николаевна", "+77015550106", true, true, "14");
    static final Spec USER_MANY_PROPERTIES = new Spec("user-many-properties", "620418300011", "Өмірзақов",
            "Ғалымжан", "Төлегенұлы", "+77015550107", true, false, "20");
    static final Spec FIRST_HEAD = new Spec("first-head", "700101300015", "Нұрғалиев", "Бауыржан", "Қуанышұлы",
            "+77015550108", true, false, "21");
    static final Spec EMPLOYEE = new Spec("employee", "880606400012", "Ахметова", "Гүлнар", "Маратқызы",
            "+77015550109", true, true, "21");
    static final Spec REVOKED_KEY = new Spec("revoked-key", "830909300014", "Петров", "Сергей", "Александрович",
            "+77015550110", true, true, "02");
    static final Spec EXPIRED_KEY = new Spec("expired-key", "971212400012", "Есенова", "Ләззат", "Бекзатқызы",
            "+77015550111", true, true, "04");

    /** In the order {@link DemoPeople#persons()} lists them. */
    static final List<Spec> ALL = List.of(THIRD_PARTY, USER, USER_PORTAL, USER_MOBILE, USER_UNREGISTERED,
            USER_NO_PROPERTY, USER_MANY_PROPERTIES, FIRST_HEAD, EMPLOYEE, REVOKED_KEY, EXPIRED_KEY);

    /**
     * The demo bank first (its first head and employee are featured), then two more banks, an employer, a notary
     * office and a realtor. Invented names.
     */
    static final List<OrganisationSpec> ORGANISATIONS = List.of(
            new OrganisationSpec("200340000011", new Localized("«Сарыарқа Банкі» АҚ", "АО «Сарыарка Банк»")),
            new OrganisationSpec("990340000014", new Localized("«Алтын Дала Банкі» АҚ", "АО «Алтын Дала Банк»")),
            new OrganisationSpec("110440000016", new Localized("«Есіл Банкі» АҚ", "АО «Есиль Банк»")),
            new OrganisationSpec("150640000010",
                    new Localized("«Дала Логистика» ЖШС", "ТОО «Дала Логистика»")),
            new OrganisationSpec("180840000013",
                    new Localized("«Әділ Нотариат» нотариаттық кеңсесі ЖШС", "ТОО «Нотариальная контора Әділ»")),
            new OrganisationSpec("081140000017", new Localized("«Үй Риэлт» ЖШС", "ТОО «Үй Риэлт»")));
}
