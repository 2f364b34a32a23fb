package org.kelisim.notification;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The embedded SMS centre's window (API.md, embedded mode only): what a phone got, and answering from a phone. */
@RestController
@ConditionalOnProperty(name = "kelisim.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoSmsController {

    private final EmbeddedSmsCentre centre;

    DemoSmsController(EmbeddedSmsCentre centre) {
        this.centre = centre;
    }

    @GetMapping("/demo/sms")
    Received received(@RequestParam String phone) {
        return new Received(EmbeddedSmsCentre.normalized(phone), centre.received(phone));
    }

    /** The centre sends the text to the service as deliver_sm over SMPP, as a real centre would. */
    @PostMapping("/demo/sms/reply")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void reply(@RequestBody Reply reply) {
        centre.reply(reply.from(), reply.text());
    }

    record Received(String phone, List<EmbeddedSmsCentre.ReceivedSms> messages) {

        @Override
        public String toString() {
            return "Received[" + messages.size() + "]";
        }
    }

    record Reply(String from, String text) {

        @Override
        public String toString() {
            return "Reply[***]";
        }
    }
}
