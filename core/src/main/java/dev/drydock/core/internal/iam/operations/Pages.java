package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.IamErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * IAM's Marker/MaxItems pagination: at most MaxItems (1-1000, default 100) items; when more remain, IsTruncated is
 * true and Marker is an opaque token to pass back for the next page. The token names the next page's first item, so
 * a page still starts at the right place when items before it were deleted in between.
 */
final class Pages {
    private Pages() {}

    /**
     * One page of a list.
     *
     * @param items this page's items
     * @param truncated whether more items follow
     * @param marker the token for the next page, or null
     */
    record Page<T>(List<T> items, boolean truncated, String marker) {}

    /**
     * @param all every item, in answer order
     * @param key each item's key; when {@code sorted}, the list is in ascending order of it
     * @param sorted whether {@code all} is sorted by key (a page then starts at the first key not before the
     *     marker's, even if that item is gone)
     * @param marker the caller's Marker, or null for the first page
     * @param maxItems the caller's MaxItems, or null
     * @throws dev.drydock.core.spi.AwsException ValidationError for a MaxItems out of range or a marker
     *     Drydock did not issue
     */
    static <T> Page<T> page(List<T> all, Function<T, String> key, boolean sorted, String marker, Integer maxItems) {
        int max = IamErrors.maxItems(maxItems);
        int start = 0;
        if (marker != null) {
            String from;
            try {
                from = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw IamErrors.validation("Invalid Marker.");
            }
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
                    throw IamErrors.validation("Invalid Marker.");
                }
                start = all.size();
            }
        }
        int end = Math.min(all.size(), start + max);
        boolean truncated = end < all.size();
        String next = truncated
                ? Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(key.apply(all.get(end)).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(List.copyOf(all.subList(start, end)), truncated, next);
    }
}
