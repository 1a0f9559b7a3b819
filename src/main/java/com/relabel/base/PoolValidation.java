package com.relabel.base;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the connection pool test every connection before it hands it out, so that the first request
 * after the database restarted does not get a connection the database has closed (issue 13).
 * HikariCP tests a connection on borrow only when it has been idle for more than its "alive bypass
 * window", 500 ms by default and settable only as the system property {@value #PROPERTY}: under
 * load every connection was used less than 500 ms ago, so after a restart the next request of each
 * thread went to a dead connection and failed. A test is one round trip ({@code
 * Connection.isValid}: an empty query on PostgreSQL, a flag on embedded H2), well under a
 * millisecond on a local network. The property is set before any bean is made, so the pool sees it
 * when it is created; a value given on the command line wins.
 */
@Configuration(proxyBeanMethods = false)
class PoolValidation {

  static final String PROPERTY = "com.zaxxer.hikari.aliveBypassWindowMs";

  @Bean
  static BeanFactoryPostProcessor testConnectionsOnEveryBorrow() {
    return beanFactory -> {
      if (System.getProperty(PROPERTY) == null) {
        System.setProperty(PROPERTY, "0");
      }
    };
  }
}
