package org.kelisim.signature;

/** The PKCS#12 keys of the test PKI (passwords from the fixtures README), read with BouncyCastle. */
final class FixtureKeys {

    private FixtureKeys() {
    }

    static CmsSigning.SigningKey load(String file) {
        char[] password = (file.contains("2015") ? "Aa123456" : "Qwerty12").toCharArray();
        return CmsSigning.readPkcs12(Fixtures.bytes("keys/" + file), password);
    }
}
