package org.kelisim.request;

import java.util.concurrent.ThreadLocalRandom;
import org.kelisim.identity.Iin;

/** Fresh, valid IINs, so that tests sharing one database never meet each other's people. */
public final class TestIins {

    private TestIins() {
    }

    public static Iin random() {
        var random = ThreadLocalRandom.current();
        while (true) {
            String first = String.format("%02d%02d%02d%d%04d", random.nextInt(100), 1 + random.nextInt(12),
                    1 + random.nextInt(28), 3 + random.nextInt(4), random.nextInt(10000));
            for (int control = 0; control <= 9; control++) {
                if (Iin.isValid(first + control)) {
                    return Iin.of(first + control);
                }
            }
        }
    }

    /** A BIN-like acting id for a third party: twelve digits, unique enough for one test run. */
    public static String partyId() {
        return random().value();
    }
}
