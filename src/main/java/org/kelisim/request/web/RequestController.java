package org.kelisim.request.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kelisim.request.DraftCreated;
import org.kelisim.request.RequestPage;
import org.kelisim.request.RequestStatus;
import org.kelisim.request.ThirdPartyRequests;
import org.kelisim.signature.Party;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Steps 1 to 3 for the third party (API.md, third party): draft, signed request, status, history, withdrawal. */
@RestController
@Tag(name = "Third party")
class RequestController {

    private final ThirdPartyRequests requests;

    RequestController(ThirdPartyRequests requests) {
        this.requests = requests;
    }

    @PostMapping("/api/v1/requests/drafts")
    @Operation(summary = "Prepare a request: the data to sign",
            description = "The data to sign binds a server nonce, the requester, the person's IIN, the certificate "
                    + "and the time; it may be signed and submitted once, before expiresAt.")
    @ApiResponse(responseCode = "201", description = "The draft and its data to sign")
    @ApiResponse(responseCode = "400", description = "invalid_iin, unknown_certificate")
    @ApiResponse(responseCode = "422", description = "user_not_registered: neither the portal nor BMG knows the person")
    ResponseEntity<DraftJson> draft(@AuthenticationPrincipal Party party, @RequestBody DraftBody body) {
        DraftCreated draft = requests.draft(party, body.iin(), body.certificate());

        return ResponseEntity.status(201).body(new DraftJson(draft.draftId(), draft.dataToSign(),
                draft.expiresAt()));
    }

    @PostMapping("/api/v1/requests")
    @Operation(summary = "Submit a signed draft: the request now awaits the person's consent",
            description = "«Подписать и запросить». The person must allow or refuse before the deadline (2 hours).")
    @ApiResponse(responseCode = "201", description = "The request, AWAITING_CONSENT, with its deadline")
    @ApiResponse(responseCode = "404", description = "draft_not_found")
    @ApiResponse(responseCode = "422", description = "draft_used, draft_expired, signer_mismatch, signature_invalid, "
            + "certificate_revoked, certificate_expired, wrong_key_usage, no_signing_right, untrusted_issuer, "
            + "revocation_unknown")
    ResponseEntity<RequestJson> submit(@AuthenticationPrincipal Party party, @Valid @RequestBody SubmitBody body) {
        var request = requests.submit(party, body.draftId(), body.cms());

        return ResponseEntity.created(URI.create("/api/v1/requests/" + request.id())).body(RequestJson.of(request));
    }

    @GetMapping("/api/v1/requests/{id}")
    @Operation(summary = "The status of one of the party's requests («Обновить статус»)")
    @ApiResponse(responseCode = "200", description = "The request")
    @ApiResponse(responseCode = "404", description = "request_not_found: no such request of this party")
    RequestJson find(@AuthenticationPrincipal Party party, @PathVariable UUID id) {
        return RequestJson.of(requests.find(party, id));
    }

    @GetMapping("/api/v1/requests")
    @Operation(summary = "The party's requests, newest first («История получения услуг»)")
    @ApiResponse(responseCode = "200", description = "One page of the history")
    HistoryJson history(@AuthenticationPrincipal Party party,
            @RequestParam(required = false) RequestStatus status, @RequestParam(defaultValue = "0") int page) {
        RequestPage found = requests.history(party, status, page);

        return new HistoryJson(found.items().stream().map(RequestJson::of).toList(), found.page(), found.size(),
                found.total());
    }

    @PostMapping("/api/v1/requests/{id}/withdraw")
    @Operation(summary = "Withdraw a request that still awaits consent")
    @ApiResponse(responseCode = "200", description = "The request, WITHDRAWN")
    @ApiResponse(responseCode = "404", description = "request_not_found")
    @ApiResponse(responseCode = "409", description = "already_decided")
    RequestJson withdraw(@AuthenticationPrincipal Party party, @PathVariable UUID id) {
        return RequestJson.of(requests.withdraw(party, id));
    }

    record DraftBody(@Schema(example = "850715300003") String iin,
            @Schema(allowableValues = {"ADDRESS", "REAL_ESTATE_PRESENCE", "REAL_ESTATE_RIGHTS"}) String certificate) {

        @Override
        public String toString() {
            return "DraftBody[" + certificate + "]";
        }
    }

    record DraftJson(UUID draftId, @Schema(format = "byte") byte[] dataToSign, Instant expiresAt) {
    }

    /** @param cms the CMS (DER, base64) over the draft's data to sign, content attached or detached */
    record SubmitBody(@NotNull UUID draftId, @NotNull @Schema(format = "byte") byte[] cms) {
    }

    record HistoryJson(List<RequestJson> items, int page, int size, long total) {
    }
}
