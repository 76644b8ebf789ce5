package dev.drydock.core.internal.service;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value computed on first use, once, thread-safely: a service module's routing table, which loads every request
 * class of its API and so is built by the first request (or the warm-up after start), not by Drydock's start.
 */
public final class Memoized<T> implements Supplier<T> {
    private final Supplier<? extends T> factory;
    private volatile T value;

    public Memoized(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = factory.get();
                    value = v;
                }
            }
        }
        return v;
    }

    /** The value if it has been computed, without computing it. */
    public Optional<T> peek() {
        return Optional.ofNullable(value);
    }
}
