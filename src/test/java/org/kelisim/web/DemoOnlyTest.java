package org.kelisim.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The embedded NCALayer signer and the demo page exist in embedded mode only. */
class DemoOnlyTest {

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withUserConfiguration(DemoNcaLayer.class, DemoPages.class);

    @Test
    void neitherTheSignerNorTheDemoPageExistsOutsideEmbeddedMode() {
        context.withPropertyValues("kelisim.demo.enabled=false").run(started -> {
            assertThat(started).doesNotHaveBean(DemoNcaLayer.class);
            assertThat(started).doesNotHaveBean(DemoNcaLayer.Signer.class);
            assertThat(started).doesNotHaveBean(DemoPages.class);
        });
    }
}
