/**
 * Demo users, the noisy MNIST dataset and the noisy demo texts (imported in the background after
 * start-up), profile {@code demo} only.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"dataset", "scoring", "security", "training"})
package com.relabel.demo;
