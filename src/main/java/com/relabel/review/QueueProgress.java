package com.relabel.review;

/** How far a dataset's review has come. */
public record QueueProgress(long open, long decided, long corrected, long total) {}
