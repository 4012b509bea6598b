package org.dangjian.platform.api;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing wording of problem codes, in zh-CN (the default) or English. A service's own
 * {@code messages} bundle is searched first, then the platform's {@code dangjian/platform-messages}.
 */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);
    private static final List<String> BUNDLES = List.of("messages", "dangjian/platform-messages");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The first supported language the caller accepts, in their order of preference; else zh-CN. */
    public static Locale negotiate(List<Locale> acceptable) {
        for (Locale wanted : acceptable) {
            if ("*".equals(wanted.getLanguage())) {
                return CHINESE;
            }
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return CHINESE;
    }

    /** The text of {@code key} (e.g. {@code CODE.title}), or the key itself when no bundle has it. */
    public static String get(Locale locale, String key, Object... args) {
        for (String name : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(name, locale, Thread.currentThread().getContextClassLoader(), NO_FALLBACK);
                if (bundle.containsKey(key)) {
                    String pattern = bundle.getString(key);
                    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
                }
            } catch (MissingResourceException e) {
                // This service has no bundle of that name: look in the next one.
            }
        }
        return key;
    }
}
