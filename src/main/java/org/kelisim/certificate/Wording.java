package org.kelisim.certificate;

import org.kelisim.registry.Localized;
import org.kelisim.registry.RealEstateObject.EncumbranceKind;
import org.kelisim.registry.RealEstateObject.Kind;
import org.kelisim.registry.RealEstateObject.RightKind;
import org.kelisim.request.CertificateType;

/** The fixed wording of the certificates, in Kazakh and Russian (DESIGN.md, the three certificates). */
final class Wording {

    static final Localized STATE = new Localized("ҚАЗАҚСТАН РЕСПУБЛИКАСЫ", "РЕСПУБЛИКА КАЗАХСТАН");
    static final Localized SERVICE = new Localized("Kelisim · Үшінші тұлғалардың анықтамаларды алу сервисі",
            "Kelisim · Сервис получения справок третьими лицами");
    static final Localized DOCUMENT_NUMBER = new Localized("Құжат нөмірі", "Номер документа");
    static final Localized ISSUED_AT = new Localized("Берілген күні мен уақыты", "Дата и время выдачи");

    static final Localized FULL_NAME = new Localized("Тегі, аты, әкесінің аты", "Фамилия, имя, отчество");
    static final Localized IIN = new Localized("ЖСН", "ИИН");
    static final Localized BIRTH_DATE = new Localized("Туған күні", "Дата рождения");

    static final Localized REGISTERED_ADDRESS = new Localized("Тіркелген тұрғылықты жері",
            "Зарегистрированное место жительства");
    static final Localized REGION = new Localized("Облыс (республикалық маңызы бар қала)",
            "Область (город республиканского значения)");
    static final Localized DISTRICT = new Localized("Аудан", "Район");
    static final Localized LOCALITY = new Localized("Елді мекен", "Населённый пункт");
    static final Localized STREET = new Localized("Көше", "Улица");
    static final Localized HOUSE = new Localized("Үй", "Дом");
    static final Localized FLAT = new Localized("Пәтер", "Квартира");
    static final Localized REGISTERED_ON = new Localized("Тіркелген күні", "Дата регистрации");
    static final Localized REGISTRATION_CODE = new Localized("Мекенжайды тіркеу коды", "Код адресной регистрации");
    static final Localized NO_ADDRESS = new Localized("Тіркелген тұрғылықты жері жоқ.",
            "Зарегистрированное место жительства отсутствует.");

    static final Localized REAL_ESTATE = new Localized("Жылжымайтын мүлік объектілері",
            "Объекты недвижимого имущества");
    static final Localized NO_REAL_ESTATE = new Localized(
            "Жылжымайтын мүлік тізілімінде көрсетілген тұлғаның құқықтары тіркелген объектілер жоқ.",
            "В регистре недвижимости не зарегистрировано объектов с правами указанного лица.");
    static final Localized OBJECT_COUNT = new Localized("Құқықтар тіркелген объектілер саны: %d.",
            "Количество объектов с зарегистрированными правами: %d.");
    static final Localized NUMBER = new Localized("№", "№");
    static final Localized CADASTRAL_NUMBER = new Localized("Кадастрлық нөмірі", "Кадастровый номер");
    static final Localized ADDRESS = new Localized("Мекенжайы", "Адрес");
    static final Localized KIND_OF_RIGHT = new Localized("Құқық түрі", "Вид права");
    static final Localized OBJECT_TYPE = new Localized("Объект түрі", "Тип объекта");
    static final Localized AREA = new Localized("Жалпы алаңы, м²", "Общая площадь, м²");
    static final Localized FLOORS = new Localized("Қабат саны", "Этажность");
    static final Localized YEAR_BUILT = new Localized("Салынған жылы", "Год постройки");
    static final Localized RIGHTS = new Localized("Тіркелген құқықтар", "Зарегистрированные права");
    static final Localized HOLDER = new Localized("Құқық иесі", "Правообладатель");
    static final Localized HOLDER_ID = new Localized("ЖСН / БСН", "ИИН / БИН");
    static final Localized SHARE = new Localized("Үлесі", "Доля");
    static final Localized BASIS = new Localized("Негіздеме", "Основание");
    static final Localized DATE = new Localized("Тіркелген күні", "Дата регистрации");
    static final Localized ENCUMBRANCES = new Localized("Ауыртпалықтар", "Обременения");
    static final Localized ENCUMBRANCE_KIND = new Localized("Түрі", "Вид");
    static final Localized ENCUMBRANCE_HOLDER = new Localized("Ауыртпалық ұстаушы", "Обладатель обременения");
    static final Localized NO_ENCUMBRANCES = new Localized("Ауыртпалықтар тіркелмеген.",
            "Обременения не зарегистрированы.");

    static final Localized REQUESTER = new Localized("Сұрау салушы", "Запросил");
    static final Localized CONSENT = new Localized("Келісім", "Согласие");
    static final Localized CONSENT_TEXT = new Localized("сұрау салу %s, келісім берілді %s",
            "запрос %s, согласие дано %s");
    static final Localized SOURCE = new Localized("Деректер көзі", "Источник данных");
    static final Localized POPULATION_REGISTER = new Localized(
            "ҚР Ішкі істер министрлігінің халықты тіркеу тізілімі",
            "Регистр населения Министерства внутренних дел РК");
    static final Localized REAL_ESTATE_REGISTER = new Localized(
            "ҚР Әділет министрлігінің жылжымайтын мүлік тізілімі",
            "Регистр недвижимости Министерства юстиции РК");
    static final Localized PAPER_EQUIVALENCE = new Localized(
            "«Электрондық құжат және электрондық цифрлық қолтаңба туралы» Қазақстан Республикасының 2003 жылғы "
                    + "7 қаңтардағы № 370-II Заңының 7-бабы 1-тармағына сәйкес электрондық құжат қағаз "
                    + "жеткізгіштегі құжатпен бірдей.",
            "Согласно пункту 1 статьи 7 Закона Республики Казахстан от 7 января 2003 года № 370-II "
                    + "«Об электронном документе и электронной цифровой подписи» электронный документ "
                    + "равнозначен документу на бумажном носителе.");
    static final Localized VERIFY = new Localized("Құжаттың түпнұсқалығын тексеру",
            "Проверить подлинность документа");
    static final Localized PAGE = new Localized("Бет %d / %d", "Страница %d из %d");

    private Wording() {
    }

    static Localized title(CertificateType type) {
        return switch (type) {
            case ADDRESS -> new Localized("Тұрғылықты жері бойынша мекенжай анықтамасы",
                    "Адресная справка с места жительства");
            case REAL_ESTATE_PRESENCE -> new Localized("Жылжымайтын мүліктің жоқ (бар) екендігі туралы анықтама",
                    "Справка об отсутствии (наличии) недвижимого имущества");
            case REAL_ESTATE_RIGHTS -> new Localized(
                    "Жылжымайтын мүлікке тіркелген құқықтар (ауыртпалықтар) туралы анықтама",
                    "Справка о зарегистрированных правах (обременениях) на недвижимое имущество");
        };
    }

    static Localized of(Kind kind) {
        return switch (kind) {
            case APARTMENT -> new Localized("Пәтер", "Квартира");
            case HOUSE -> new Localized("Тұрғын үй", "Жилой дом");
            case LAND_PLOT -> new Localized("Жер учаскесі", "Земельный участок");
            case NON_RESIDENTIAL -> new Localized("Тұрғын емес үй-жай", "Нежилое помещение");
            case GARAGE -> new Localized("Гараж", "Гараж");
        };
    }

    static Localized of(RightKind kind) {
        return switch (kind) {
            case OWNERSHIP -> new Localized("Меншік құқығы", "Право собственности");
            case SHARED_OWNERSHIP -> new Localized("Ортақ үлестік меншік", "Общая долевая собственность");
            case JOINT_OWNERSHIP -> new Localized("Ортақ бірлескен меншік", "Общая совместная собственность");
            case LIFELONG_USE -> new Localized("Өмір бойы пайдалану құқығы", "Право пожизненного пользования");
            case ECONOMIC_MANAGEMENT -> new Localized("Шаруашылық жүргізу құқығы", "Право хозяйственного ведения");
        };
    }

    static Localized of(EncumbranceKind kind) {
        return switch (kind) {
            case MORTGAGE -> new Localized("Ипотека (кепіл)", "Ипотека (залог)");
            case ARREST -> new Localized("Тыйым салу (қамауға алу)", "Арест");
            case LEASE -> new Localized("Жалға алу", "Аренда");
        };
    }

    /** A bilingual cell or header: Kazakh line, then Russian line (one line when both say the same). */
    static String both(Localized text) {
        return text.kk().equals(text.ru()) ? text.kk() : text.kk() + "\n" + text.ru();
    }

    /** A label over one line: {@code Kazakh / Russian}. */
    static String slash(Localized text) {
        return text.kk().equals(text.ru()) ? text.kk() : text.kk() + " / " + text.ru();
    }
}
