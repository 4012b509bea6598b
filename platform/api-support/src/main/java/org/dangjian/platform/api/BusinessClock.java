package org.dangjian.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Civil dates for business rules are those of the configured zone (Asia/Shanghai by default). */
@ApplicationScoped
public class BusinessClock {

    @ConfigProperty(name = "dangjian.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    public LocalDate today() {
        return LocalDate.now(Clock.system(zone));
    }

    public ZoneId zone() {
        return zone;
    }
}
