package org.kelisim.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class RegistryModesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Adapters.class);

    @Test
    void readsTheOwnTablesByDefault() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started).hasSingleBean(EmbeddedRegistries.class).hasSingleBean(PopulationRegister.class)
                    .hasSingleBean(RealEstateRegister.class).hasSingleBean(PortalAccounts.class)
                    .hasSingleBean(MobileCitizens.class);
            assertThat(started).doesNotHaveBean(HttpRegistries.class);
        });
    }

    @Test
    void readsTheRealRegistriesOverHttpInHttpMode() {
        context.withPropertyValues("kelisim.registry.mode=http", "kelisim.registry.base-url=http://registry:8443/",
                "kelisim.registry.read-timeout=3s", "kelisim.registry.retries=1").run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started).hasSingleBean(HttpRegistries.class).hasSingleBean(PopulationRegister.class)
                        .hasSingleBean(MobileCitizens.class);
                    assertThat(started).doesNotHaveBean(EmbeddedRegistries.class);
                    var properties = started.getBean(RegistryProperties.class);
                    assertThat(properties.readTimeout()).hasSeconds(3);
                    assertThat(properties.retries()).isEqualTo(1);
                });
    }

    @Test
    void refusesToStartInHttpModeWithoutABaseUrl() {
        context.withPropertyValues("kelisim.registry.mode=http").run(started -> assertThat(started)
                .getFailure().rootCause().hasMessageContaining("KELISIM_REGISTRY_BASE_URL"));
    }

    @Test
    void refusesABaseUrlThatIsNotHttp() {
        context.withPropertyValues("kelisim.registry.mode=http", "kelisim.registry.base-url=ftp://registry/")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("http or https"));
    }

    @Test
    void refusesANegativeRetryCount() {
        context.withPropertyValues("kelisim.registry.retries=-1").run(started -> assertThat(started)
                .getFailure().rootCause().hasMessageContaining("retries"));
    }

    @Test
    void offersTheDemoPeopleOnlyInDemoMode() {
        context.run(started -> assertThat(started).hasSingleBean(DemoPeople.class).hasSingleBean(DemoDataLoader.class));

        context.withPropertyValues("kelisim.demo.enabled=false").run(started -> assertThat(started)
                .hasNotFailed().doesNotHaveBean(DemoPeople.class).doesNotHaveBean(DemoDataLoader.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RegistryProperties.class)
    @Import({EmbeddedRegistries.class, HttpRegistries.class, RegistryPorts.class, DemoDataLoader.class,
        DemoPeopleTables.class})
    static class Adapters {

        @Bean
        JdbcClient jdbcClient() {
            return mock(JdbcClient.class);
        }

        /** Finds the data set in place: the mock transaction answers {@code null}, read as "not written here". */
        @Bean
        TransactionTemplate transactionTemplate() {
            return mock(TransactionTemplate.class);
        }

        @Bean
        JdbcTemplate jdbcTemplate() {
            return mock(JdbcTemplate.class);
        }

        /** The HTTP adapter stamps its last answer and failure for the health indicator. */
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
