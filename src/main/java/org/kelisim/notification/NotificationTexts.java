package org.kelisim.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.kelisim.consent.SmsAnswers;
import org.kelisim.request.CertificateType;
import org.kelisim.request.RequestSubmitted;
import org.kelisim.request.Requester;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The texts people read, from the bundles {@code messages/notification*.properties}. */
@Component
class NotificationTexts {

    static final Locale KAZAKH = Locale.forLanguageTag("kk");
    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    /** Deadlines are shown in the time of Kazakhstan, whose clocks run on Almaty time. */
    static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("HH:mm dd.MM.yyyy");

    private final MessageSource messages;

    NotificationTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The SMS that asks the user (API.md, SMS), in Kazakh or Russian. */
    String request(RequestSubmitted event, Locale locale) {
        return messages.getMessage("notification.sms.request", requestArguments(event.requester(),
                event.certificate(), event.code(), event.deadline(), locale), locale);
    }

    /** The cabinet message about a request, in the reader's language. */
    String cabinet(Requester requester, CertificateType certificate, String code, Instant deadline, Locale locale) {
        return messages.getMessage("notification.cabinet.request",
                requestArguments(requester, certificate, code, deadline, locale), locale);
    }

    /** The reply to an SMS answer: one message, Kazakh first, then Russian. */
    String reply(SmsAnswers.Outcome outcome) {
        String key = "notification.sms.reply." + outcome.result().name();
        Object[] arguments = {outcome.requestCode() == null ? "" : outcome.requestCode()};
        return messages.getMessage(key, arguments, KAZAKH) + "\n" + messages.getMessage(key, arguments, RUSSIAN);
    }

    /** The third party's inbox message about a status change of its request. */
    String inbox(String status, CertificateType certificate, String subjectIin, Locale locale) {
        return messages.getMessage("notification.inbox." + status,
                new Object[] {certificate(certificate, locale), subjectIin}, locale);
    }

    String certificate(CertificateType certificate, Locale locale) {
        return messages.getMessage("notification.certificate." + certificate.name(), null, locale);
    }

    static String deadline(Instant deadline) {
        return DEADLINE.format(deadline.atZone(KAZAKHSTAN));
    }

    private Object[] requestArguments(Requester requester, CertificateType certificate, String code,
            Instant deadline, Locale locale) {
        String idLabel = messages.getMessage(requester.legalEntity() ? "notification.bin" : "notification.iin", null,
                locale);
        return new Object[] {requester.name(), idLabel, requester.id(), certificate(certificate, locale), code,
            deadline(deadline)};
    }
}
