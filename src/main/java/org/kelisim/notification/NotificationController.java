package org.kelisim.notification;

import java.util.List;
import java.util.Locale;
import org.kelisim.signature.Party;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The inboxes and the webhook of API.md. Who may call what is decided in the security configuration. */
@RestController
class NotificationController {

    private static final int PAGE = 100;

    private final Inboxes inboxes;
    private final Webhooks webhooks;

    NotificationController(Inboxes inboxes, Webhooks webhooks) {
        this.inboxes = inboxes;
        this.webhooks = webhooks;
    }

    /** «Входящие» of the third party: refusals, expiries, failures, issued certificates. */
    @GetMapping("/api/v1/inbox")
    Items<Inboxes.PartyMessage> inbox(@AuthenticationPrincipal Party party, Locale locale) {
        return new Items<>(inboxes.ofParty(party.actingId(), locale, PAGE));
    }

    /** The user's cabinet messages: the requests about them. */
    @GetMapping("/api/v1/me/messages")
    Items<Inboxes.UserMessage> messages(@AuthenticationPrincipal Party party, Locale locale) {
        return new Items<>(inboxes.ofUser(party.iin(), locale, PAGE));
    }

    @PutMapping("/api/v1/webhook")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void webhook(@AuthenticationPrincipal Party party, @RequestBody WebhookSetting setting) {
        webhooks.register(party.actingId(), setting.url(), setting.secret());
    }

    @GetMapping("/api/v1/webhook/deliveries")
    Items<Webhooks.Delivery> deliveries(@AuthenticationPrincipal Party party) {
        return new Items<>(webhooks.deliveries(party.actingId(), PAGE));
    }

    record Items<T>(List<T> items) {
    }

    /** {@link #toString()} leaves out the secret. */
    record WebhookSetting(String url, String secret) {

        @Override
        public String toString() {
            return "WebhookSetting[***]";
        }
    }
}
