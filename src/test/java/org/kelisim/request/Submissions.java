package org.kelisim.request;

import static org.mockito.BDDMockito.given;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.kelisim.identity.Iin;
import org.kelisim.registry.MobileCitizens;
import org.kelisim.registry.PortalAccounts;
import org.kelisim.signature.Party;
import org.kelisim.signature.Role;
import org.springframework.boot.test.context.TestComponent;

/**
 * Makes pending requests the way a third party does (draft, then signed submission), with the registries' mocks
 * saying that the person is registered. The signature verifier's mock accepts any signature unless told otherwise.
 */
@TestComponent
public class Submissions {

    private final ThirdPartyRequests requests;
    private final PortalAccounts portalAccounts;
    private final MobileCitizens mobileCitizens;

    Submissions(ThirdPartyRequests requests, PortalAccounts portalAccounts, MobileCitizens mobileCitizens) {
        this.requests = requests;
        this.portalAccounts = portalAccounts;
        this.mobileCitizens = mobileCitizens;
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
        given(portalAccounts.isRegistered(subject)).willReturn(true);
        given(mobileCitizens.phoneOf(subject)).willReturn(Optional.ofNullable(phone));
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
