package com.relabel.security;

/** A user's role; see {@link Roles} for the constants used in annotations. */
public enum Role {
  ADMIN,
  ANNOTATOR
}
