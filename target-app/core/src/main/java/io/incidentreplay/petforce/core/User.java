package io.incidentreplay.petforce.core;

/** The caller, as identified by a bearer token. */
public record User(long id, String email, String name, String zipCode) {}
