package com.relabel.dataset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The application's sentence encoder (decision 0038), loaded at the first text import that encodes
 * and closed with the application context. Spring closes it only after {@link BackgroundImports}
 * has stopped and awaited every import (lifecycle beans stop before any bean is destroyed), and
 * {@link TextEncoder#close()} waits for a model call under way, so the native session is never
 * freed under a running call.
 */
@Configuration(proxyBeanMethods = false)
class TextEncoderConfig {

  @Bean(destroyMethod = "close")
  @Lazy
  TextEncoder textEncoder() {
    return TextEncoder.load();
  }
}
