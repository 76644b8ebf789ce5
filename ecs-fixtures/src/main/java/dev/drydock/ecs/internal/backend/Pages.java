package dev.drydock.ecs.internal.backend;

import dev.drydock.ecs.internal.EcsErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of a List* result, ECS-style: {@code maxResults} (1-100, default 100) and an opaque
 * {@code nextToken}.
 *
 * @param items the page's items
 * @param nextToken the token for the next page, or {@code null} on the last page
 */
public record Pages<T>(List<T> items, String nextToken) {

    /**
     * Cuts one page out of {@code all}.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException for a bad token or size
     */
    public static <T> Pages<T> of(List<T> all, Integer maxResults, String nextToken, int max) {
        int size = maxResults == null ? max : maxResults;
        if (size < 1 || size > max) {
            throw EcsErrors.invalidParameter("maxResults must be between 1 and " + max + ".");
        }
        int offset = 0;
        if (nextToken != null && !nextToken.isEmpty()) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
                if (!decoded.startsWith("drydock:")) {
                    throw new IllegalArgumentException();
                }
                offset = Integer.parseInt(decoded.substring("drydock:".length()));
            } catch (IllegalArgumentException e) {
                throw EcsErrors.invalidParameter("Invalid token " + nextToken);
            }
        }
        if (offset < 0 || offset > all.size()) {
            throw EcsErrors.invalidParameter("Invalid token " + nextToken);
        }
        int end = Math.min(all.size(), offset + size);
        String next = end < all.size()
                ? Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("drydock:" + end).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Pages<>(List.copyOf(all.subList(offset, end)), next);
    }
}
