package org.kelisim.signature;

import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/auth}: the signed-challenge sign-in of API.md. */
@RestController
class SignInController {

    private final Challenges challenges;
    private final SignIn signIn;

    SignInController(Challenges challenges, SignIn signIn) {
        this.challenges = challenges;
        this.signIn = signIn;
    }

    record ChallengeView(String nonce, Instant expiresAt) {
    }

    record TokenRequest(String cms, String xml) {
    }

    record Subject(String iin, String bin, String name, String organization, List<String> roles) {

        @Override
        public String toString() {
            return "Subject[" + org.kelisim.identity.Masks.identifier(iin) + "]";
        }
    }

    record TokenView(String accessToken, Instant expiresAt, Subject subject) {

        @Override
        public String toString() {
            return "TokenView[" + expiresAt + "]";
        }
    }

    @PostMapping("/api/v1/auth/challenge")
    ChallengeView challenge() {
        var challenge = challenges.issue();
        return new ChallengeView(challenge.nonce(), challenge.expiresAt());
    }

    /** Who the bearer token acts for: lets a client check its token. */
    @GetMapping("/api/v1/auth/me")
    Subject me(@AuthenticationPrincipal Party party) {
        return subject(party);
    }

    @PostMapping("/api/v1/auth/token")
    TokenView token(@RequestBody TokenRequest request) {
        var signedIn = signIn.signIn(request.cms(), request.xml());
        Party party = signedIn.party();
        return new TokenView(signedIn.token().token(), signedIn.token().expiresAt(), subject(party));
    }

    private static Subject subject(Party party) {
        return new Subject(party.iin(), party.bin(), party.name(), party.organization(),
                party.roles().stream().map(Role::name).sorted().toList());
    }
}
