package io.latchkey.testing.circle.two;

import io.latchkey.testing.circle.one.First;

/** The other half: it uses {@link First}, which uses it. */
public class Second {

    public First back() {
        return new First();
    }
}
