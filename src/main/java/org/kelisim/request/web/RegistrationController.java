package org.kelisim.request.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kelisim.request.Registration;
import org.kelisim.request.ThirdPartyRequests;
import org.kelisim.signature.Party;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Step 1 for the third party: can this person be asked at all. */
@RestController
@Tag(name = "Third party", description = "Requests for certificates about a person, made by a third party")
class RegistrationController {

    private final ThirdPartyRequests requests;

    RegistrationController(ThirdPartyRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/api/v1/registration/{iin}")
    @Operation(summary = "Check whether a person can be asked (on the portal, in BMG)",
            description = "«Проверить пользователя на наличие регистрации». Recorded in the person's access log.")
    @ApiResponse(responseCode = "200", description = "Where the person is registered")
    @ApiResponse(responseCode = "400", description = "invalid_iin")
    @ApiResponse(responseCode = "429", description = "too_many_checks: the party's checks per minute are used up")
    RegistrationJson check(@AuthenticationPrincipal Party party, @PathVariable String iin) {
        return RegistrationJson.of(requests.checkRegistration(party, iin));
    }

    record RegistrationJson(String iin, boolean portal, boolean mobile, boolean canBeAsked) {

        static RegistrationJson of(Registration registration) {
            return new RegistrationJson(registration.iin().value(), registration.portal(), registration.mobile(),
                    registration.canBeAsked());
        }

        @Override
        public String toString() {
            return "RegistrationJson[" + canBeAsked + "]";
        }
    }
}
