package io.latchkey.resourceapi;

import java.util.function.IntSupplier;

/** Asks again, four times a second for up to 20 s, until a request answers the status a test waits for. */
final class Eventually {

    private Eventually() {
    }

    /** The last status seen: the expected one, or what it was when time ran out. */
    static int status(IntSupplier status, int expected) throws InterruptedException {
        int last = -1;
        for (int attempt = 0; attempt < 80; attempt++) {
            last = status.getAsInt();
            if (last == expected) {
                return last;
            }
            Thread.sleep(250);
        }
        return last;
    }
}
