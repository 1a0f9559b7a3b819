package com.relabel.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo profile (application-demo.properties).
 *
 * @param sampleLimit the first N MNIST training images (0 = all 60,000)
 * @param textLimit the first N of the bundled SpamAssassin texts ({@link DemoTexts}; 0 = no text
 *     dataset)
 */
@ConfigurationProperties("relabel.demo")
record DemoSettings(double noiseRate, long noiseSeed, int sampleLimit, int textLimit) {}
