package com.relabel.security;

/**
 * A token just made: {@code token} is shown once and never stored; {@code owner} is the account it
 * acts as.
 */
public record NewApiToken(long id, String name, String owner, ApiTokenScope scope, String token) {}
