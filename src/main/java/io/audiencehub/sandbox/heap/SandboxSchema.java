package io.audiencehub.sandbox.heap;

import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The sandbox's tables are created by changesets in the Liquibase context {@code sandbox}: this adds
 * that context to whatever the product runs with, only where the sandbox profile is on, so that a
 * production database never gets a {@code sandbox_heap_*} table.
 */
@Component
@Profile("sandbox")
class SandboxSchema implements BeanPostProcessor {

    static final String CONTEXT = "sandbox";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase liquibase) {
            String contexts = liquibase.getContexts();
            liquibase.setContexts(StringUtils.hasText(contexts) ? contexts + "," + CONTEXT : CONTEXT);
        }
        return bean;
    }
}
