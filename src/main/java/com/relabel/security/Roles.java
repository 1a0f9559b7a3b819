package com.relabel.security;

/** The two roles of Relabel. Admins can do everything annotators can. */
public final class Roles {
  public static final String ADMIN = "ADMIN";
  public static final String ANNOTATOR = "ANNOTATOR";

  private Roles() {}
}
