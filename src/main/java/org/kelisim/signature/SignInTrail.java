package org.kelisim.signature;

import java.util.Set;
import org.kelisim.audit.AuditEvent;
import org.kelisim.audit.AuditTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-ins in the audit trail. The actor is the key holder (IIN and name from the certificate); the entry has no
 * subject, because signing in touches nobody else's data, and so a person's "who asked about me" (which lists the
 * entries about them as subject) does not fill up with their own sign-ins.
 * <p>
 * A refusal is recorded only when the certificate is shown to chain to the trust profile: then the name in it is
 * vouched for by the certification authority. A refusal before that (a bad signature, an unknown issuer, an expired or
 * a signing key) proves nobody's identity, and recording the name it claims would let anyone write any IIN into the
 * trail.
 */
@Component
class SignInTrail {

    static final String SIGNED_IN = "signin.token";
    static final String REFUSED = "signin.refused";

    /** Refusals that come after the chain to an anchor of the trust profile was built. */
    private static final Set<String> AFTER_THE_CHAIN = Set.of("certificate_revoked", "issuer_revoked",
            "revocation_unknown", "nonce_used", "nonce_unknown");

    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    SignInTrail(AuditTrail audit, TransactionTemplate transactions) {
        this.audit = audit;
        this.transactions = transactions;
    }

    /** In the caller's transaction, the one that issues the token. */
    void signedIn(Party party) {
        audit.record(new AuditEvent(SIGNED_IN, party.iin(), party.name(), null, null, "ok"));
    }

    /**
     * In a transaction of its own, as the sign-in's is rolled back; the outcome is the refusal's code. Nothing when
     * the refusal does not identify the party.
     */
    void refused(Party party, SignatureRejectedException refusal) {
        if (!AFTER_THE_CHAIN.contains(refusal.code())) {
            return;
        }
        transactions.executeWithoutResult(status -> audit.record(
                new AuditEvent(REFUSED, party.iin(), party.name(), null, null, refusal.code())));
    }
}
