package com.relabel.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole app on a random port with the demo profile (demo users, MNIST with injected noise), 300
 * samples, runs of 2 epochs with 2 folds, on a database the class names: {@link DemoApp} adds the
 * shared H2 database {@code e2e}, a class of its own an H2 url in {@code @TestPropertySource}, and
 * the PostgreSQL twin of a {@code @DemoApp} test a {@code @DynamicPropertySource} that registers
 * {@code flow.TestPostgres}.
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
@interface DemoAppSettings {}
