package org.kelisim.request;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kelisim.identity.Iin;
import org.kelisim.registry.MobileCitizens;
import org.kelisim.registry.PortalAccounts;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Portal accounts and BMG phones as the tests set them, in front of the real registries. Not Mockito mocks: the
 * notification module reads them on its own threads while a test sets up the next person, and stubbing a mock
 * while another thread calls it is not thread-safe (stubs landed on the wrong call, drafts were refused).
 */
public final class TestRegistrations implements PortalAccounts, MobileCitizens {

    private final Set<Iin> portal = ConcurrentHashMap.newKeySet();
    private final Map<Iin, String> phones = new ConcurrentHashMap<>();

    /** On the portal and, when {@code phone} is given, in BMG with that phone. */
    public void register(Iin subject, String phone) {
        portal.add(subject);
        phone(subject, phone);
    }

    /** BMG holds this phone for the person; {@code null}: none. */
    public void phone(Iin subject, String phone) {
        if (phone == null) {
            phones.remove(subject);
        } else {
            phones.put(subject, phone);
        }
    }

    public void withoutPhone(Iin subject) {
        phone(subject, null);
    }

    @Override
    public boolean isRegistered(Iin iin) {
        return portal.contains(iin);
    }

    @Override
    public Optional<String> phoneOf(Iin iin) {
        return Optional.ofNullable(phones.get(iin));
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestRegistrations testRegistrations() {
            return new TestRegistrations();
        }
    }
}
