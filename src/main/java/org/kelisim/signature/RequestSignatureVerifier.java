package org.kelisim.signature;

import java.time.Instant;

/**
 * Checks the signature a third party puts on a request (DESIGN.md, rules): a CMS over exactly the expected content,
 * made by the signed-in party itself with a signing key (nonRepudiation or EKU 1.3.6.1.5.5.7.3.4) that chains to a
 * trust anchor, is valid and not revoked at {@code moment}; for a legal entity, by a signer with the first-head or
 * signing-right role.
 */
public interface RequestSignatureVerifier {

    /**
     * @param cms the CMS (DER), content attached or detached
     * @param expectedContent the bytes that had to be signed
     * @throws SignatureRejectedException with the code of the first rule the signature breaks (Kind UNPROCESSABLE)
     */
    void verify(byte[] cms, byte[] expectedContent, Party signedIn, Instant moment);
}
