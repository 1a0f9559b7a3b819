package com.relabel.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link DemoAppSettings} on the H2 database {@code e2e}: every class with this annotation shares
 * one Spring context, so the demo trains once for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DemoAppSettings
@TestPropertySource(
    properties = "spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@interface DemoApp {}
