package org.kelisim.audit.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kelisim.consent.Cabinet;
import org.kelisim.identity.Iin;
import org.kelisim.request.MovableClock;
import org.kelisim.request.RequestIntegrationTest;
import org.kelisim.request.RequestView;
import org.kelisim.request.Submissions;
import org.kelisim.request.TestIins;
import org.kelisim.request.ThirdPartyRequests;
import org.kelisim.signature.Party;
import org.kelisim.signature.PartyAuthentication;
import org.kelisim.signature.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@RequestIntegrationTest
class AccessLogApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ThirdPartyRequests requests;

    @Autowired
    Cabinet cabinet;

    @Autowired
    Submissions submissions;

    @Autowired
    MovableClock clock;

    Iin me;
    Party bank;
    RequestView request;

    @BeforeEach
    void givenACheckARequestAndMyRefusal() {
        clock.reset();
        me = TestIins.random();
        bank = Submissions.bank();
        submissions.registered(me, "+77011112233");
        requests.checkRegistration(bank, me.value());
        request = submissions.pending(bank, me, "+77011112233");
        clock.advance(Duration.ofMinutes(5));
        cabinet.decide(me, request.id(), false);
    }

    private static PartyAuthentication signedIn(Iin iin) {
        return new PartyAuthentication(new Party(iin.value(), null, "Омаров Ерлан", null, Set.of(Role.INDIVIDUAL)));
    }

    @Test
    void showsWhoTouchedMyDataWhatTheyDidWhenAndTheOutcomeNewestFirst() throws Exception {
        mvc.perform(get("/api/v1/me/access-log").with(authentication(signedIn(me))).header("Accept-Language", "ru"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[0].action").value("consent.cabinet.deny"))
                .andExpect(jsonPath("$.items[0].description").value("Отказ в личном кабинете"))
                .andExpect(jsonPath("$.items[0].actor.id").value(me.value()))
                .andExpect(jsonPath("$.items[0].at").value(clock.instant().toString()))
                .andExpect(jsonPath("$.items[0].requestId").value(request.id().toString()))
                .andExpect(jsonPath("$.items[0].outcome").value("ok"))
                .andExpect(jsonPath("$.items[1].action").value("request.created"))
                .andExpect(jsonPath("$.items[1].actor.id").value(bank.bin()))
                .andExpect(jsonPath("$.items[1].actor.name").value("АО «Береке Банк»"))
                .andExpect(jsonPath("$.items[2].action").value("draft.created"))
                .andExpect(jsonPath("$.items[3].action").value("registration.checked"))
                .andExpect(jsonPath("$.items[3].outcome").value("portal_and_mobile"));
    }

    @Test
    void speaksTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/v1/me/access-log").with(authentication(signedIn(me))).header("Accept-Language", "kk"))
                .andExpect(jsonPath("$.items[3].description").value("Тіркеуді тексеру"));
        mvc.perform(get("/api/v1/me/access-log").with(authentication(signedIn(me))).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.items[3].description").value("Registration check"));
    }

    @Test
    void showsTheServiceAsNoOne() throws Exception {
        var expiring = submissions.pending(bank, me, "+77011112233");
        clock.advance(Duration.ofHours(3));
        assertThatThrownBy(() -> cabinet.decide(me, expiring.id(), true))
                .hasMessage("deadline_passed");

        mvc.perform(get("/api/v1/me/access-log").with(authentication(signedIn(me))))
                .andExpect(jsonPath("$.items[0].outcome").value("deadline_passed"))
                .andExpect(jsonPath("$.items[1].action").value("request.expired"))
                .andExpect(jsonPath("$.items[1].actor").isEmpty());
    }

    @Test
    void answersAPagePastTheLastWithNoItems() throws Exception {
        mvc.perform(get("/api/v1/me/access-log?page=" + Integer.MAX_VALUE).with(authentication(signedIn(me))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void showsNothingOfAnotherPerson() throws Exception {
        mvc.perform(get("/api/v1/me/access-log").with(authentication(signedIn(TestIins.random()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void isForIndividualsOnly() throws Exception {
        mvc.perform(get("/api/v1/me/access-log").with(authentication(new PartyAuthentication(bank))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me/access-log")).andExpect(status().isUnauthorized());
    }
}
