package io.latchkey.store.text;

/**
 * Whether text is valid Unicode: every UTF-16 surrogate is half of a pair. Text that is not
 * cannot be stored as it was given (PostgreSQL's UTF-8 keeps a {@code ?} in place of the lone
 * half) nor hashed (Bouncy Castle's Argon2 throws on it). JSON's escapes can spell such text;
 * both the request bodies (api-support) and the password encoder refuse it by this rule.
 */
public final class UnicodeText {

    private UnicodeText() {
    }

    public static boolean isWellFormed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
