/** Demo users and the noisy MNIST dataset, profile {@code demo} only. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"dataset", "scoring", "security", "training"})
package com.relabel.demo;
