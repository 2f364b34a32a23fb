package org.kelisim.certificate;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.kelisim.request.CertificateType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The issued certificates in PostgreSQL: the sealed PDF exactly as handed out, and its SHA-256. */
@Repository
class IssuedDocuments {

    private static final String COLUMNS = "request_id, document_number, certificate_type, requester_id, "
            + "requester_name, subject_iin, issued_at, sha256";

    private final JdbcClient jdbc;

    IssuedDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(IssuedDocument document, byte[] pdf) {
        jdbc.sql("INSERT INTO certificate_documents (" + COLUMNS + ", pdf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(document.requestId(), document.documentNumber(), document.type().name(),
                        document.requesterId(), document.requesterName(), document.subjectIin(),
                        Timestamp.from(document.issuedAt()), document.sha256(), pdf)
                .update();
    }

    Optional<IssuedDocument> findByRequest(UUID requestId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificate_documents WHERE request_id = ?")
                .param(requestId).query(DOCUMENT).optional();
    }

    Optional<IssuedDocument> findByNumber(String documentNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificate_documents WHERE document_number = ?")
                .param(documentNumber).query(DOCUMENT).optional();
    }

    Optional<IssuedDocument> findBySha256(byte[] sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificate_documents WHERE sha256 = ?")
                .param(sha256).query(DOCUMENT).optional();
    }

    byte[] pdf(UUID requestId) {
        return jdbc.sql("SELECT pdf FROM certificate_documents WHERE request_id = ?").param(requestId)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    private static final RowMapper<IssuedDocument> DOCUMENT = (rs, n) -> new IssuedDocument(
            rs.getObject("request_id", UUID.class), rs.getString("document_number"),
            CertificateType.valueOf(rs.getString("certificate_type")), rs.getString("requester_id"),
            rs.getString("requester_name"), rs.getString("subject_iin"), rs.getTimestamp("issued_at").toInstant(),
            rs.getBytes("sha256"));
}
