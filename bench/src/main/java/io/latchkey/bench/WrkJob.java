package io.latchkey.bench;

import java.util.List;

/**
 * One request wrk repeats, and what a right answer contains.
 *
 * @param mode     {@code fixed}, {@code cycle} (items in turn) or {@code rotate} (refresh tokens, each used once)
 * @param headers  "Name: value" lines
 * @param body     may hold {@code {item}}, replaced per request in the cycle and rotate modes
 * @param expected text a 2xx body must contain to count as right
 * @param items    the values {@code {item}} takes
 */
record WrkJob(String mode, String method, String path, List<String> headers, String body, String expected,
        List<String> items) {

    static WrkJob get(String path, String expected, String... headers) {
        return new WrkJob("fixed", "GET", path, List.of(headers), "", expected, List.of());
    }

    static WrkJob postForm(String path, String body, String expected, String... headers) {
        List<String> all = new java.util.ArrayList<>(List.of(headers));
        all.add("Content-Type: application/x-www-form-urlencoded");
        return new WrkJob("fixed", "POST", path, List.copyOf(all), body, expected, List.of());
    }

    WrkJob cycling(List<String> values) {
        return new WrkJob("cycle", this.method, this.path, this.headers, this.body, this.expected, values);
    }

    WrkJob rotating(List<String> refreshTokens) {
        return new WrkJob("rotate", this.method, this.path, this.headers, this.body, this.expected, refreshTokens);
    }
}
