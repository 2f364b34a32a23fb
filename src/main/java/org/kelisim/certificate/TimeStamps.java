package org.kelisim.certificate;

import org.bouncycastle.tsp.TimeStampToken;

/** An RFC 3161 time-stamping authority: the embedded one in demo mode, or a configured one by URL. */
interface TimeStamps {

    /**
     * @param sha256 the SHA-256 of what is to be time-stamped (for PAdES-BASELINE-T: the signature value)
     * @throws TimeStampUnavailableException when the authority does not answer or answers with a refusal
     */
    TimeStampToken stamp(byte[] sha256);

    /** The authority did not give a time-stamp; issuance retries later. */
    class TimeStampUnavailableException extends RuntimeException {

        TimeStampUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
