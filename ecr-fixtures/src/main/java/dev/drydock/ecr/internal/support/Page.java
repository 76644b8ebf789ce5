package dev.drydock.ecr.internal.support;

import dev.drydock.ecr.internal.EcrErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of a listing, with ECR's {@code maxResults} (1-1000) and an opaque {@code nextToken}.
 *
 * @param items the page's items
 * @param nextToken the token of the next page, or {@code null} on the last
 */
public record Page<T>(List<T> items, String nextToken) {

    public static <T> Page<T> of(List<T> all, Integer maxResults, String nextToken, int defaultSize) {
        if (maxResults != null && (maxResults < 1 || maxResults > 1000)) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'maxResults' failed to satisfy constraint: "
                    + "'Member must have value less than or equal to 1000 and greater than or equal to 1'");
        }
        int start = 0;
        if (nextToken != null) {
            try {
                start = Integer.parseInt(new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw EcrErrors.invalidParameter("Invalid parameter at 'nextToken' failed to satisfy constraint: "
                        + "'Invalid pagination token'");
            }
        }
        int size = maxResults == null ? defaultSize : maxResults;
        int end = Math.min(all.size(), start + size);
        String next = end < all.size()
                ? Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(List.copyOf(all.subList(Math.min(start, all.size()), end)), next);
    }
}
