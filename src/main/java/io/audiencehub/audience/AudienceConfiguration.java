package io.audiencehub.audience;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AudienceConfiguration {

    /** Keys need this installation's salt, stored in the database and created on the first start. */
    @Bean
    MemberKeys memberKeys(AudienceRepository audiences) {
        return new MemberKeys(audiences.salt());
    }
}
