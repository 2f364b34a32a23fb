package org.kelisim.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.kelisim.request.CertificateType;
import org.kelisim.request.Requester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the two inboxes, newest first, with their texts in the reader's language. */
@Component
class Inboxes {

    private final JdbcClient jdbc;
    private final NotificationTexts texts;

    Inboxes(JdbcClient jdbc, NotificationTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    /** The third party's «Входящие»: outcomes of the requests made under {@code partyId}. */
    @Transactional(readOnly = true)
    List<PartyMessage> ofParty(String partyId, Locale locale, int limit) {
        return jdbc.sql("""
                SELECT id, request_id, subject_iin, certificate, status, at FROM inbox_messages
                WHERE party_id = ? ORDER BY at DESC, id LIMIT ?""")
                .params(partyId, limit)
                .query((rs, n) -> {
                    var certificate = CertificateType.valueOf(rs.getString("certificate"));
                    String status = rs.getString("status");
                    return new PartyMessage(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
                            status, certificate, texts.inbox(status, certificate, rs.getString("subject_iin"),
                                    locale), rs.getTimestamp("at").toInstant());
                })
                .list();
    }

    /** The user's cabinet: the requests about {@code subjectIin}. */
    @Transactional(readOnly = true)
    List<UserMessage> ofUser(String subjectIin, Locale locale, int limit) {
        return jdbc.sql("""
                SELECT * FROM cabinet_messages WHERE subject_iin = ? ORDER BY created_at DESC, id LIMIT ?""")
                .params(subjectIin, limit)
                .query((rs, n) -> {
                    var certificate = CertificateType.valueOf(rs.getString("certificate"));
                    var requester = new Requester(rs.getString("requester_id"), rs.getString("requester_name"),
                            rs.getBoolean("legal_entity"));
                    var deadline = rs.getTimestamp("deadline").toInstant();
                    String code = rs.getString("request_code");
                    return new UserMessage(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
                            code, certificate, requester.name(), requester.id(), deadline,
                            texts.cabinet(requester, certificate, code, deadline, locale),
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }

    record PartyMessage(UUID id, UUID requestId, String status, CertificateType certificate, String text,
            Instant at) {

        @Override
        public String toString() {
            return "PartyMessage[" + id + ", " + requestId + ", " + status + "]";
        }
    }

    record UserMessage(UUID id, UUID requestId, String code, CertificateType certificate, String requesterName,
            String requesterId, Instant deadline, String text, Instant at) {

        @Override
        public String toString() {
            return "UserMessage[" + id + ", " + requestId + "]";
        }
    }
}
