package io.latchkey.testing.circle.one;

import io.latchkey.testing.circle.two.Second;

/** Half of a package circle the architecture check must find. */
public class First {

    public Second next() {
        return new Second();
    }
}
