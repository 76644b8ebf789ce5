package dev.drydock.core.spi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Cuts list answers into pages for every service, with one opaque token format ({@code drydock:} and the position or
 * key of the next page's first item, base64url) and each service's own page-size limits and errors. A service
 * configures one paginator (its errors class holds it) and asks it for each page:
 *
 * <pre>{@code
 * static final Paginator PAGINATOR = Paginator.builder(100)
 *         .maxPageSize(100)
 *         .pageSizeError(size -> invalidParameter("maxResults must be between 1 and 100."))
 *         .tokenError(token -> invalidParameter("Invalid token " + token))
 *         .build();
 *
 * Page<String> page = PAGINATOR.page(clusterArns, request.maxResults(), request.nextToken());
 * }</pre>
 *
 * <p>Two kinds of tokens: a position (the next page starts at an index of the list), or a key (the next page starts
 * at the item with that key: IAM's markers, which still find their place when items before it were deleted). A token
 * that is not one Drydock issued is refused with the service's token error. Immutable and thread-safe.
 */
public final class Paginator {
    private static final String PREFIX = "drydock:";

    private final int defaultPageSize;
    private final int maxPageSize;
    private final IntFunction<AwsException> pageSizeError;
    private final Function<String, AwsException> tokenError;
    private final boolean tokenPastEndFails;

    private Paginator(Builder b) {
        this.defaultPageSize = b.defaultPageSize;
        this.maxPageSize = b.maxPageSize;
        this.pageSizeError = b.pageSizeError;
        this.tokenError = b.tokenError;
        this.tokenPastEndFails = b.tokenPastEndFails;
    }

    /**
     * Starts a paginator.
     *
     * @param defaultPageSize how many items a page holds when the request gives no size
     */
    public static Builder builder(int defaultPageSize) {
        return new Builder(defaultPageSize);
    }

    /** The same paginator with another default page size (EFS's differs per operation). */
    public Paginator withDefaultPageSize(int size) {
        Builder b = new Builder(size);
        b.maxPageSize = maxPageSize;
        b.pageSizeError = pageSizeError;
        b.tokenError = tokenError;
        b.tokenPastEndFails = tokenPastEndFails;
        return b.build();
    }

    /**
     * One page of {@code all}, by position.
     *
     * @param pageSize the request's page size ({@code maxResults}, {@code MaxItems}), or {@code null} for the default
     * @param token the request's token, or {@code null} (or empty) for the first page
     * @throws AwsException the service's page-size error for a size below 1 or above the maximum; its token error for
     *     a token Drydock did not issue (or, when so configured, one past the end of the list)
     */
    public <T> Page<T> page(List<T> all, Integer pageSize, String token) {
        int size = size(pageSize);
        int start = 0;
        if (token != null && !token.isEmpty()) {
            try {
                start = Integer.parseInt(decode(token));
            } catch (NumberFormatException e) {
                throw tokenError.apply(token);
            }
            if (start < 0 || tokenPastEndFails && start > all.size()) {
                throw tokenError.apply(token);
            }
            start = Math.min(start, all.size());
        }
        int end = (int) Math.min(all.size(), (long) start + size);
        return new Page<>(all.subList(start, end), end < all.size() ? encode(Integer.toString(end)) : null);
    }

    /**
     * One page of {@code all}, by key: the token names the key of the next page's first item.
     *
     * @param key each item's key
     * @param sorted whether {@code all} is in ascending order of key: a page then starts at the first key not before
     *     the token's, even when that item is gone; otherwise a token whose item is gone is refused
     * @param pageSize the request's page size, or {@code null} for the default
     * @param token the request's token, or {@code null} (or empty) for the first page
     * @throws AwsException the service's page-size error or token error
     */
    public <T> Page<T> page(List<T> all, Function<T, String> key, boolean sorted, Integer pageSize, String token) {
        int size = size(pageSize);
        int start = 0;
        if (token != null && !token.isEmpty()) {
            String from = decode(token);
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                String k = key.apply(all.get(i));
                if (sorted ? k.compareTo(from) >= 0 : k.equals(from)) {
                    start = i;
                    break;
                }
            }
            if (start < 0) {
                if (!sorted) {
                    throw tokenError.apply(token);
                }
                start = all.size();
            }
        }
        int end = (int) Math.min(all.size(), (long) start + size);
        return new Page<>(all.subList(start, end), end < all.size() ? encode(key.apply(all.get(end))) : null);
    }

    private int size(Integer pageSize) {
        int size = pageSize == null ? defaultPageSize : pageSize;
        if (size < 1 || size > maxPageSize) {
            throw pageSizeError.apply(size);
        }
        return size;
    }

    private String decode(String token) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw tokenError.apply(token);
        }
        if (!decoded.startsWith(PREFIX)) {
            throw tokenError.apply(token);
        }
        return decoded.substring(PREFIX.length());
    }

    private static String encode(String payload) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + payload).getBytes(StandardCharsets.UTF_8));
    }

    /** Configures a {@link Paginator}. */
    public static final class Builder {
        private final int defaultPageSize;
        private int maxPageSize = Integer.MAX_VALUE;
        private IntFunction<AwsException> pageSizeError;
        private Function<String, AwsException> tokenError;
        private boolean tokenPastEndFails;

        private Builder(int defaultPageSize) {
            if (defaultPageSize < 1) {
                throw new IllegalArgumentException("defaultPageSize must be at least 1, is " + defaultPageSize);
            }
            this.defaultPageSize = defaultPageSize;
        }

        /** The largest page a request may ask for (default: no limit). */
        public Builder maxPageSize(int max) {
            this.maxPageSize = max;
            return this;
        }

        /** The error for a requested page size below 1 or above {@link #maxPageSize}; receives the size. */
        public Builder pageSizeError(IntFunction<AwsException> error) {
            this.pageSizeError = error;
            return this;
        }

        /** The error for a token Drydock did not issue; receives the token as given. */
        public Builder tokenError(Function<String, AwsException> error) {
            this.tokenError = error;
            return this;
        }

        /**
         * Refuses a position token past the end of the list with the token error (ECS does), instead of answering an
         * empty last page (the default).
         */
        public Builder tokenPastEndFails() {
            this.tokenPastEndFails = true;
            return this;
        }

        /**
         * The paginator.
         *
         * @throws NullPointerException when an error is not set
         */
        public Paginator build() {
            Objects.requireNonNull(pageSizeError, "pageSizeError");
            Objects.requireNonNull(tokenError, "tokenError");
            return new Paginator(this);
        }
    }
}
