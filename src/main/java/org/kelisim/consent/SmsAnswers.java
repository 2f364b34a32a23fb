package org.kelisim.consent;

import java.time.Instant;
import java.util.Objects;

/**
 * Answers that users send by SMS (API.md, SMS): {@code 1 <code>} allows, {@code 0 <code>} refuses. The notification
 * module receives the SMS and sends {@link Outcome} back to the phone.
 */
public interface SmsAnswers {

    /**
     * Decides the request the text names, when the phone is the one BMG holds for the request's user, the request is
     * that user's and pending, and the deadline has not passed; records the attempt in the audit trail either way.
     */
    Outcome answer(String phone, String text, Instant receivedAt);

    /**
     * What became of an answer.
     *
     * @param requestCode the code of the request the answer was matched to, or {@code null} when none was
     */
    record Outcome(Result result, String requestCode) {

        public Outcome {
            Objects.requireNonNull(result, "result");
        }
    }

    enum Result {
        ALLOWED, REFUSED, TOO_LATE, ALREADY_DECIDED, UNKNOWN_CODE, NOT_UNDERSTOOD, UNKNOWN_PHONE
    }
}
