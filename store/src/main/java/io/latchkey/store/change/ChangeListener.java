package io.latchkey.store.change;

/**
 * Keeps an in-memory copy of some shared data current from the {@link ChangeFeed}.
 */
public interface ChangeListener {

    /** The topic whose changes this listener receives. */
    String topic();

    /** One change, as published on this topic, by this instance or another. */
    void changed(String payload);

    /**
     * The feed may have missed changes (just subscribed, a gap in the numbering, Redis lost its
     * data): reload or forget everything. The feed trusts the copy again once this returns.
     * Changes published after the feed's resynchronisation began still arrive through
     * {@link #changed}, possibly while this runs.
     */
    void resync();
}
