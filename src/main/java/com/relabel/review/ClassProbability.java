package com.relabel.review;

/** The model's final softmax probability of one class for a sample. */
public record ClassProbability(int label, double probability) {}
