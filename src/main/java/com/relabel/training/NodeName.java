package com.relabel.training;

/** This node's name in the job engine (db-scheduler's scheduler name), recorded on its runs. */
record NodeName(String name) {}
