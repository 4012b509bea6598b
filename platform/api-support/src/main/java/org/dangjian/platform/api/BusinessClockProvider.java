package org.dangjian.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Bean Validation's "now" (@PastOrPresent, @Future on civil dates) in the business time zone, not
 * the JVM's: from 00:00 to 08:00 in Asia/Shanghai, today there is still yesterday in UTC, and a
 * date of today would be refused as in the future.
 */
@ApplicationScoped
public class BusinessClockProvider implements ClockProvider {

    @Override
    public Clock getClock() {
        // Read when asked, not at build or static init: the validator may be created before runtime config.
        String zone = ConfigProvider.getConfig().getOptionalValue("dangjian.business-zone", String.class)
                .orElse("Asia/Shanghai");
        return Clock.system(ZoneId.of(zone));
    }
}
