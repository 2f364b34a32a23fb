package org.kelisim.request;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.kelisim.identity.Iin;
import org.kelisim.signature.Party;
import org.kelisim.signature.Role;
import org.springframework.boot.test.context.TestComponent;

/**
 * Makes pending requests the way a third party does (draft, then signed submission), with the test's registrations
 * saying that the person is registered. The signature verifier's mock accepts any signature unless told otherwise.
 */
@TestComponent
public class Submissions {

    private final ThirdPartyRequests requests;
    private final TestRegistrations registrations;

    Submissions(ThirdPartyRequests requests, TestRegistrations registrations) {
        this.requests = requests;
        this.registrations = registrations;
    }

    /** A bank acting under its BIN, signed in by its first head. */
    public static Party bank() {
        return new Party(TestIins.partyId(), TestIins.partyId(), "Әлиев Нұрлан", "АО «Береке Банк»",
                Set.of(Role.LEGAL_ENTITY, Role.FIRST_HEAD));
    }

    /** A person asking for themselves, for example a landlord. */
    public static Party individual() {
        return new Party(TestIins.partyId(), null, "Иванова Мария Петровна", null, Set.of(Role.INDIVIDUAL));
    }

    /** The person is on the portal and, when {@code phone} is given, in BMG with that phone. */
    public void registered(Iin subject, String phone) {
        registrations.register(subject, phone);
    }

    public RequestView pending(Party party, Iin subject, String phone) {
        registered(subject, phone);
        var draft = requests.draft(party, subject.value(), "ADDRESS");
        return requests.submit(party, draft.draftId(), "a CMS the mock accepts".getBytes(StandardCharsets.UTF_8));
    }

    public RequestView pending(Party party, Iin subject) {
        return pending(party, subject, null);
    }
}
