package org.dangjian.platform.api.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that reads or writes many records at once (imports, exports): it draws on the
 * caller's smaller bulk allowance instead of the write allowance, and it is the only kind of write
 * an integration service account may make ({@link WriteAndBulkPolicy}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface BulkOperation {
}
