package com.relabel.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link DemoApp}'s settings without its H2 database, for the PostgreSQL twin of a {@code @DemoApp}
 * browser test: the class adds a {@code @DynamicPropertySource} that registers {@code
 * flow.TestPostgres}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "relabel.demo.sample-limit=300",
      "relabel.training.epochs=2",
      "relabel.training.folds=2",
      "relabel.jobs.poll-interval=200ms",
      "vaadin.devmode.devTools.enabled=false"
    })
@ActiveProfiles("demo")
@interface PostgresDemoApp {}
