package org.kelisim.registry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One bean per port, whichever adapter serves it: a module (or a test) that replaces the population register does
 * not take the BMG phones away with it.
 */
@Configuration(proxyBeanMethods = false)
class RegistryPorts {

    @Bean
    PopulationRegister populationRegister(RegistryAdapter adapter) {
        return adapter::find;
    }

    @Bean
    RealEstateRegister realEstateRegister(RegistryAdapter adapter) {
        return adapter::objectsOf;
    }

    @Bean
    PortalAccounts portalAccounts(RegistryAdapter adapter) {
        return adapter::isRegistered;
    }

    @Bean
    MobileCitizens mobileCitizens(RegistryAdapter adapter) {
        return adapter::phoneOf;
    }
}
