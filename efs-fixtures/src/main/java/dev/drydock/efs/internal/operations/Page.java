package dev.drydock.efs.internal.operations;

import dev.drydock.efs.internal.EfsErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of a list answer; the marker (or NextToken) is the index of the next item, as an opaque string.
 *
 * @param items the page
 * @param next the marker of the next page, or null on the last one
 */
record Page<T>(List<T> items, String next) {

    /**
     * @param marker the request's Marker or NextToken, or null for the first page
     * @param max the request's MaxItems or MaxResults, or null for {@code defaultMax}
     * @throws dev.drydock.core.spi.AwsException BadRequest for a marker Drydock did not issue or a
     *     page size below 1
     */
    static <T> Page<T> of(List<T> all, String marker, Integer max, int defaultMax) {
        int from = 0;
        if (marker != null) {
            try {
                from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw EfsErrors.badRequest("Invalid pagination marker '" + marker + "'.");
            }
        }
        if (max != null && max < 1) {
            throw EfsErrors.badRequest("MaxItems must be at least 1; got " + max + ".");
        }
        int size = max == null ? defaultMax : max;
        int to = Math.min(all.size(), from + size);
        String next = to < all.size()
                ? Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(from >= all.size() ? List.of() : all.subList(Math.max(0, from), to), next);
    }
}
