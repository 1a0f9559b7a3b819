package com.relabel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RelabelApplication {
  public static void main(String[] args) {
    SpringApplication.run(RelabelApplication.class, args);
  }
}
