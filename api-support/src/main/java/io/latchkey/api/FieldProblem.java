package io.latchkey.api;

/** A rule about one field that only the server can check (e.g. "is not your current password"): 400. */
public class FieldProblem extends RuntimeException {

    private final String field;

    public FieldProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return this.field;
    }
}
