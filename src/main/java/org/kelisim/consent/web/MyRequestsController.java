package org.kelisim.consent.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kelisim.consent.Cabinet;
import org.kelisim.identity.Iin;
import org.kelisim.request.CertificateType;
import org.kelisim.request.RequestPage;
import org.kelisim.request.RequestStatus;
import org.kelisim.request.RequestView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The user's cabinet (API.md, the user): requests about me and my answer. */
@RestController
@Tag(name = "User", description = "The person the data is about: requests about them, consent, access log")
class MyRequestsController {

    private final Cabinet cabinet;

    MyRequestsController(Cabinet cabinet) {
        this.cabinet = cabinet;
    }

    @GetMapping("/api/v1/me/requests")
    @Operation(summary = "Requests about me, newest first",
            description = "Who asks (name, IIN/BIN), for which certificate, the status, the deadline and the code "
                    + "an SMS answer repeats.")
    @ApiResponse(responseCode = "200", description = "One page of requests about me")
    MyRequestsJson requests(Principal me, @RequestParam(defaultValue = "0") int page) {
        RequestPage found = cabinet.requestsAbout(Iin.of(me.getName()), page);

        return new MyRequestsJson(found.items().stream().map(MyRequestJson::of).toList(), found.page(),
                found.size(), found.total());
    }

    @PostMapping("/api/v1/me/requests/{id}/decision")
    @Operation(summary = "Allow or refuse a request about me",
            description = "Counts only while the request awaits consent and before its deadline.")
    @ApiResponse(responseCode = "200", description = "The request with its new status (APPROVED or DENIED)")
    @ApiResponse(responseCode = "404", description = "request_not_found, also when the request is about someone else")
    @ApiResponse(responseCode = "409", description = "already_decided, deadline_passed")
    MyRequestJson decide(Principal me, @PathVariable UUID id,
            @Valid @RequestBody DecisionBody body) {
        return MyRequestJson.of(cabinet.decide(Iin.of(me.getName()), id, body.allow()));
    }

    record DecisionBody(@NotNull Boolean allow) {
    }

    record RequesterJson(String id, String name, boolean legalEntity) {

        @Override
        public String toString() {
            return "RequesterJson[" + legalEntity + "]";
        }
    }

    record MyRequestJson(UUID id, String code, RequesterJson requester, CertificateType certificate,
            RequestStatus status, Instant createdAt, Instant deadline, Instant decidedAt, String documentNumber) {

        static MyRequestJson of(RequestView view) {
            var requester = new RequesterJson(view.requester().id(), view.requester().name(),
                    view.requester().legalEntity());
            return new MyRequestJson(view.id(), view.code(), requester, view.certificate(), view.status(),
                    view.createdAt(), view.deadline(), view.decidedAt(), view.documentNumber());
        }

        @Override
        public String toString() {
            return "MyRequestJson[" + id + ", " + status + "]";
        }
    }

    record MyRequestsJson(List<MyRequestJson> items, int page, int size, long total) {
    }
}
