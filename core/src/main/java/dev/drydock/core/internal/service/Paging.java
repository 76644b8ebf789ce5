package dev.drydock.core.internal.service;

import dev.drydock.core.internal.protocol.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * Pages of a listing with an opaque continuation token, as AWS's list operations answer them: at most
 * {@code maxResults} items (a service default when absent), and a token for the next page, or none on the last. The
 * token encodes the offset of the next item and the listing it belongs to, so a token from another listing is
 * refused rather than misread.
 */
public final class Paging {
    private Paging() {}

    /**
     * One page.
     *
     * @param items the page's items
     * @param nextToken the next page's token, or {@code null} on the last page
     */
    public record Page<T>(List<T> items, String nextToken) {}

    /**
     * The page of {@code all} that {@code token} points at.
     *
     * @param all every item, in the listing's order
     * @param maxResults the request's page size, or {@code null} for {@code defaultSize} (range checks are the
     *     model's, done before)
     * @param defaultSize the service's page size when the request gives none
     * @param token the request's token, or {@code null} for the first page
     * @param listing names the listing (operation and its filters), so tokens are not reused across listings
     * @param badToken the service's error for a token it did not issue
     * @throws AwsException {@code badToken} for a token that is not one of this listing's
     */
    public static <T> Page<T> page(
            List<T> all,
            Integer maxResults,
            int defaultSize,
            String token,
            String listing,
            Supplier<AwsException> badToken) {
        int start = 0;
        if (token != null) {
            String decoded;
            try {
                decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw badToken.get();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0 || !decoded.substring(colon + 1).equals(Integer.toHexString(listing.hashCode()))) {
                throw badToken.get();
            }
            try {
                start = Integer.parseInt(decoded.substring(0, colon));
            } catch (NumberFormatException e) {
                throw badToken.get();
            }
            if (start < 0) {
                throw badToken.get();
            }
        }
        int size = maxResults == null ? defaultSize : maxResults;
        int from = Math.min(start, all.size());
        int end = (int) Math.min(all.size(), (long) from + size);
        String next = end < all.size() ? token(end, listing) : null;
        return new Page<>(List.copyOf(all.subList(from, end)), next);
    }

    private static String token(int offset, String listing) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        (offset + ":" + Integer.toHexString(listing.hashCode())).getBytes(StandardCharsets.UTF_8));
    }
}
