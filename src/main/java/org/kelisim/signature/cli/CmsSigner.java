package org.kelisim.signature.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.kelisim.signature.CmsSigning;

/**
 * Signs a file, a text or a sign-in challenge into CMS with a PKCS#12 key (RSA, ECDSA or Kazakh GOST), so the API can
 * be driven without a browser:
 *
 * <pre>
 * java -cp target/classes:$(cat target/classpath.txt) org.kelisim.signature.cli.CmsSigner \
 *     --key third-party-auth.p12 --password-env KEY_PASSWORD --challenge "$NONCE" --base64
 * </pre>
 *
 * Options: {@code --key FILE} (required); {@code --password-env VAR} (preferred) or {@code --password TEXT};
 * one of {@code --file FILE}, {@code --text TEXT}, {@code --challenge BASE64} (signs the nonce's bytes);
 * {@code --detached} (content not included); {@code --base64} (base64 output, the default on standard output);
 * {@code --out FILE} (DER unless {@code --base64}).
 */
public final class CmsSigner {

    private CmsSigner() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** @return the exit status: 0 signed, 2 bad usage, 1 signing failed */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            boolean flag = name.equals("--detached") || name.equals("--base64");
            if (!name.startsWith("--") || (!flag && i + 1 >= args.length)) {
                return usage(err, "unexpected argument " + name);
            }
            options.put(name, flag ? "true" : args[++i]);
        }
        if (!options.containsKey("--key")) {
            return usage(err, "--key is required");
        }
        long contents = options.keySet().stream()
                .filter(key -> key.equals("--file") || key.equals("--text") || key.equals("--challenge")).count();
        if (contents != 1) {
            return usage(err, "give exactly one of --file, --text, --challenge");
        }

        char[] password = password(options);
        if (password == null) {
            return usage(err, "give --password-env VAR or --password TEXT");
        }
        try {
            var key = CmsSigning.readPkcs12(Files.readAllBytes(Path.of(options.get("--key"))), password);
            byte[] cms = CmsSigning.sign(key, content(options), options.containsKey("--detached"));
            write(cms, options, out);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("Not signed: " + e.getMessage());
            return 1;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] password(Map<String, String> options) {
        if (options.containsKey("--password-env")) {
            String value = System.getenv(options.get("--password-env"));
            return value == null ? null : value.toCharArray();
        }
        return options.containsKey("--password") ? options.get("--password").toCharArray() : null;
    }

    private static byte[] content(Map<String, String> options) throws IOException {
        if (options.containsKey("--file")) {
            return Files.readAllBytes(Path.of(options.get("--file")));
        }
        if (options.containsKey("--challenge")) {
            return Base64.getDecoder().decode(options.get("--challenge").strip());
        }
        return options.get("--text").getBytes(StandardCharsets.UTF_8);
    }

    private static void write(byte[] cms, Map<String, String> options, PrintStream out) throws IOException {
        boolean base64 = options.containsKey("--base64") || !options.containsKey("--out");
        byte[] output = base64 ? Base64.getEncoder().encode(cms) : cms;
        if (options.containsKey("--out")) {
            Files.write(Path.of(options.get("--out")), output);
        } else {
            out.println(new String(output, StandardCharsets.US_ASCII));
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("CmsSigner: " + problem);
        err.println("usage: CmsSigner --key FILE.p12 (--password-env VAR | --password TEXT)"
                + " (--file FILE | --text TEXT | --challenge BASE64) [--detached] [--base64] [--out FILE]");
        return 2;
    }
}
