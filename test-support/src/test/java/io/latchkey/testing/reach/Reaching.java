package io.latchkey.testing.reach;

import io.latchkey.authserver.Above;

/** A class of test-support that uses a module above it, which the check must refuse. */
public class Reaching {

    public Above up() {
        return new Above();
    }
}
