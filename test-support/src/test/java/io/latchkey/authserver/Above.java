package io.latchkey.authserver;

/** Stands for a class of auth-server, a module test-support must not use. */
public class Above {
}
