package com.relabel.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the demo profile (application-demo.properties). */
@ConfigurationProperties("relabel.demo")
record DemoSettings(double noiseRate, long noiseSeed, int sampleLimit) {}
