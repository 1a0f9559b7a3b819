package com.relabel.review;

import java.time.LocalDate;

/** How many decisions one annotator made on one day (and how many of them were corrections). */
public record AnnotatorDay(String annotator, LocalDate day, long decisions, long corrections) {}
