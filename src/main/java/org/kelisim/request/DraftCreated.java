package org.kelisim.request;

import java.time.Instant;
import java.util.UUID;

/**
 * A draft awaiting the third party's signature.
 *
 * @param dataToSign the bytes to sign: a canonical UTF-8 text of {@code key: value} lines (draft, nonce,
 *     requester, requester-name, subject, certificate, created-at, expires-at)
 */
public record DraftCreated(UUID draftId, byte[] dataToSign, Instant expiresAt) {

    public DraftCreated {
        dataToSign = dataToSign.clone();
    }

    @Override
    public byte[] dataToSign() {
        return dataToSign.clone();
    }

    @Override
    public String toString() {
        return "DraftCreated[" + draftId + "]";
    }
}
