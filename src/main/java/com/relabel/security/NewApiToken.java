package com.relabel.security;

/** A token just made: {@code token} is shown once and never stored. */
public record NewApiToken(long id, String name, ApiTokenScope scope, String token) {}
