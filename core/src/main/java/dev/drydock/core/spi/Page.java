package dev.drydock.core.spi;

import java.util.List;

/**
 * One page of a list answer, cut by a {@link Paginator}.
 *
 * @param items this page's items, in answer order
 * @param nextToken the opaque token that asks for the next page ({@code nextToken}, {@code NextMarker},
 *     {@code Marker} on the wire), or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextToken) {

    public Page {
        items = List.copyOf(items);
    }

    /** Whether more items follow (IAM's {@code IsTruncated}). */
    public boolean truncated() {
        return nextToken != null;
    }
}
