package org.kelisim.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only trail of every touch of personal data. Each entry carries the SHA-256 of the previous entry's hash
 * and its own fields, so that a changed, inserted or deleted entry breaks the chain ({@link #verifyChain()}).
 * <p>
 * An entry is written in the caller's transaction: it exists exactly when the change it records does. Appends are
 * serialized by a row lock on the chain's head, held until the caller's transaction ends.
 */
@Service
public class AuditTrail {

    private static final byte[] GENESIS = new byte[32];

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void record(AuditEvent event) {
        var head = jdbc.sql("SELECT sequence, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .single();
        long sequence = head.sequence() + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] hash = hash(head.hash(), sequence, at, event);

        jdbc.sql("""
                INSERT INTO audit_entries (sequence, at, action, actor_id, actor_name, subject_iin, request_id,
                                           outcome, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sequence, Timestamp.from(at), event.action(), event.actorId(), event.actorName(),
                        event.subjectIin(), event.requestId(), event.outcome(), head.hash(), hash)
                .update();
        jdbc.sql("UPDATE audit_head SET sequence = ?, hash = ? WHERE id = 1").params(sequence, hash).update();
    }

    /** Every touch of the person's data, newest first. */
    @Transactional(readOnly = true)
    public List<AuditRecord> about(String subjectIin, int offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM audit_entries WHERE subject_iin = ? ORDER BY sequence DESC OFFSET ? LIMIT ?""")
                .params(subjectIin, offset, limit)
                .query(RECORD)
                .list();
    }

    @Transactional(readOnly = true)
    public long countAbout(String subjectIin) {
        return jdbc.sql("SELECT count(*) FROM audit_entries WHERE subject_iin = ?").param(subjectIin)
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> ofRequest(UUID requestId) {
        return jdbc.sql("SELECT * FROM audit_entries WHERE request_id = ? ORDER BY sequence")
                .param(requestId)
                .query(RECORD)
                .list();
    }

    /**
     * Recomputes the chain from the first entry to the head.
     *
     * @return the sequence number of the first entry that does not match, or empty when the chain is whole
     */
    @Transactional(readOnly = true)
    public Optional<Long> verifyChain() {
        var state = new ChainCheck();
        jdbc.sql("SELECT * FROM audit_entries ORDER BY sequence").query(rs -> {
            if (state.broken != null) {
                return;
            }
            long sequence = rs.getLong("sequence");
            var event = new AuditEvent(rs.getString("action"), rs.getString("actor_id"), rs.getString("actor_name"),
                    rs.getString("subject_iin"), rs.getObject("request_id", UUID.class), rs.getString("outcome"));
            byte[] expected = hash(state.previous, sequence, rs.getTimestamp("at").toInstant(), event);
            if (sequence != state.sequence + 1 || !Arrays.equals(rs.getBytes("previous_hash"), state.previous)
                    || !Arrays.equals(rs.getBytes("hash"), expected)) {
                state.broken = sequence;
                return;
            }
            state.sequence = sequence;
            state.previous = expected;
        });
        if (state.broken != null) {
            return Optional.of(state.broken);
        }
        var head = jdbc.sql("SELECT sequence, hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .single();
        boolean headMatches = head.sequence() == state.sequence && Arrays.equals(head.hash(), state.previous);
        return headMatches ? Optional.empty() : Optional.of(state.sequence + 1);
    }

    private static byte[] hash(byte[] previous, long sequence, Instant at, AuditEvent event) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous);
            // Fields are length-prefixed so that moving text from one field to the next changes the hash.
            for (String field : new String[] {Long.toString(sequence), at.toString(), event.action(), event.actorId(),
                event.actorName(), event.subjectIin(), String.valueOf(event.requestId()), event.outcome()}) {
                byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(4).putInt(field == null ? -1 : bytes.length).array());
                digest.update(bytes);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static final RowMapper<AuditRecord> RECORD = (rs, n) -> new AuditRecord(rs.getLong("sequence"),
            rs.getTimestamp("at").toInstant(), rs.getString("action"), rs.getString("actor_id"),
            rs.getString("actor_name"), rs.getString("subject_iin"), rs.getObject("request_id", UUID.class),
            rs.getString("outcome"));

    private record Head(long sequence, byte[] hash) {
    }

    private static final class ChainCheck {
        long sequence;
        byte[] previous = GENESIS;
        Long broken;
    }
}
