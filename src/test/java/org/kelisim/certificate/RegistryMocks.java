package org.kelisim.certificate;

import org.kelisim.registry.PopulationRegister;
import org.kelisim.registry.RealEstateRegister;
import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Mocks of the two registers issuance reads, put in front of the real ones. {@code @MockitoBean} cannot be used:
 * in embedded mode one bean implements all four registry faces, and replacing it by a mock of one face takes the
 * others (BMG phones, portal accounts) away from the modules that need them.
 */
@TestConfiguration(proxyBeanMethods = false)
class RegistryMocks {

    @Bean
    @Primary
    PopulationRegister populationMock() {
        return Mockito.mock(PopulationRegister.class);
    }

    @Bean
    @Primary
    RealEstateRegister realEstateMock() {
        return Mockito.mock(RealEstateRegister.class);
    }
}
