package org.kelisim.signature.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmsSignerTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Path fixture(String name) throws IOException {
        Path file = directory.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/signature/keys/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private int run(String... args) {
        return CmsSigner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void signsAChallengeWithAGostKeyIntoBase64Cms() throws Exception {
        byte[] nonce = new byte[32];
        nonce[0] = 7;

        int status = run("--key", fixture("individual_valid_2015_gost.p12").toString(), "--password", "Aa123456",
                "--challenge", Base64.getEncoder().encodeToString(nonce));

        assertThat(status).isZero();
        var cms = new CMSSignedData(Base64.getDecoder().decode(out.toString(StandardCharsets.UTF_8).strip()));
        assertThat((byte[]) cms.getSignedContent().getContent()).isEqualTo(nonce);
        assertThat(cms.getSignerInfos().getSigners().iterator().next().getDigestAlgOID())
                .isEqualTo("1.2.398.3.10.1.3.3");
    }

    @Test
    void signsAFileDetachedWithAnRsaKeyIntoDer() throws Exception {
        Path content = directory.resolve("draft.txt");
        Files.writeString(content, "draft");
        Path signature = directory.resolve("draft.p7s");

        int status = run("--key", fixture("individual_valid_sign_2004_rsa.p12").toString(), "--password",
                "Qwerty12", "--file", content.toString(), "--detached", "--out", signature.toString());

        assertThat(status).isZero();
        assertThat(new CMSSignedData(Files.readAllBytes(signature)).getSignedContent()).isNull();
    }

    @Test
    void aWrongPasswordFailsWithoutOutput() throws Exception {
        int status = run("--key", fixture("individual_valid_sign_2004_rsa.p12").toString(), "--password", "wrong",
                "--text", "x");

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void missingContentIsAUsageError() {
        assertThat(run("--key", "k.p12", "--password", "p")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }
}
