package com.relabel.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole app on a random port with the demo profile, small and quick: 200 samples, one epoch, no
 * folds. Each class names its H2 database with {@code @TestPropertySource(properties =
 * "spring.datasource.url=...")}; classes that name the same one share a Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "relabel.demo.sample-limit=200",
      "relabel.training.epochs=1",
      "relabel.training.folds=0",
      "relabel.jobs.poll-interval=200ms",
      "vaadin.devmode.devTools.enabled=false"
    })
@ActiveProfiles("demo")
@interface QuickDemoApp {}
