package dev.drydock.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one paginator every service's list operations use: its token format, limits and each service's errors. */
class PaginatorTest {
    private static final Paginator PAGINATOR = Paginator.builder(3)
            .maxPageSize(5)
            .pageSizeError(size -> AwsException.client("InvalidParameterException", "bad size " + size))
            .tokenError(token -> AwsException.client("InvalidParameterException", "bad token " + token))
            .build();

    private static final List<String> LETTERS = List.of("a", "b", "c", "d", "e", "f", "g");

    @Test
    void pagesFollowTheirTokensToTheEndWithTheDefaultSize() {
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            Page<String> page = PAGINATOR.page(LETTERS, null, token);
            seen.addAll(page.items());
            sizes.add(page.items().size());
            token = page.nextToken();
            assertThat(page.truncated()).isEqualTo(token != null);
        } while (token != null);
        assertThat(seen).containsExactlyElementsOf(LETTERS);
        assertThat(sizes).containsExactly(3, 3, 1);
    }

    @Test
    void theRequestedSizeWinsWithinTheLimits() {
        assertThat(PAGINATOR.page(LETTERS, 5, null).items()).containsExactly("a", "b", "c", "d", "e");
        assertThat(PAGINATOR.page(LETTERS, 1, null).items()).containsExactly("a");
        assertThat(PAGINATOR.page(List.of(), 2, null))
                .satisfies(p -> assertThat(p.items()).isEmpty())
                .satisfies(p -> assertThat(p.nextToken()).isNull());
    }

    @Test
    void aSizeOutsideTheLimitsIsTheServicesError() {
        for (int size : new int[] {0, -1, 6}) {
            assertThatThrownBy(() -> PAGINATOR.page(LETTERS, size, null))
                    .isInstanceOf(AwsException.class)
                    .hasMessage("bad size " + size);
        }
    }

    @Test
    void aTokenDrydockDidNotIssueIsTheServicesError() {
        String foreign = Base64.getUrlEncoder().encodeToString("3".getBytes(StandardCharsets.UTF_8));
        for (String token : List.of("garbage", "!!!", foreign)) {
            assertThatThrownBy(() -> PAGINATOR.page(LETTERS, null, token))
                    .isInstanceOf(AwsException.class)
                    .hasMessage("bad token " + token);
        }
        String keyed = PAGINATOR.page(LETTERS, s -> s, true, 2, null).nextToken();
        assertThatThrownBy(() -> PAGINATOR.page(LETTERS, null, keyed)).hasMessage("bad token " + keyed);
    }

    @Test
    void aTokenPastTheEndAnswersAnEmptyPageUnlessTheServiceRefusesIt() {
        String token = PAGINATOR.page(LETTERS, 5, null).nextToken();
        List<String> shorter = LETTERS.subList(0, 2);
        assertThat(PAGINATOR.page(shorter, null, token).items()).isEmpty();
        Paginator strict = Paginator.builder(5)
                .maxPageSize(5)
                .pageSizeError(size -> AwsException.client("X", "size"))
                .tokenError(t -> AwsException.client("X", "stale " + t))
                .tokenPastEndFails()
                .build();
        assertThatThrownBy(() -> strict.page(shorter, null, token)).hasMessage("stale " + token);
        assertThat(strict.page(LETTERS, null, token).items()).containsExactly("f", "g");
    }

    @Test
    void aKeyedTokenFindsItsPlaceInASortedListWhenItemsBeforeItAreGone() {
        Page<String> first = PAGINATOR.page(LETTERS, s -> s, true, 3, null);
        assertThat(first.items()).containsExactly("a", "b", "c");
        List<String> withoutD = List.of("a", "b", "c", "e", "f", "g");
        assertThat(PAGINATOR.page(withoutD, s -> s, true, 3, first.nextToken()).items())
                .containsExactly("e", "f", "g");
    }

    @Test
    void aKeyedTokenWhoseItemIsGoneFromAnUnsortedListIsRefused() {
        List<String> unsorted = List.of("g", "c", "a", "f");
        Page<String> first = PAGINATOR.page(unsorted, s -> s, false, 2, null);
        assertThat(first.items()).containsExactly("g", "c");
        assertThat(PAGINATOR.page(unsorted, s -> s, false, 2, first.nextToken()).items())
                .containsExactly("a", "f");
        assertThatThrownBy(() -> PAGINATOR.page(List.of("g", "c", "f"), s -> s, false, 2, first.nextToken()))
                .hasMessage("bad token " + first.nextToken());
    }

    @Test
    void anotherDefaultSizeKeepsTheLimitsAndErrors() {
        Paginator ten = PAGINATOR.withDefaultPageSize(4);
        assertThat(ten.page(LETTERS, null, null).items()).hasSize(4);
        assertThatThrownBy(() -> ten.page(LETTERS, 6, null)).hasMessage("bad size 6");
    }

    @Test
    void everyServiceGetsTheSameTokenForTheSamePosition() {
        List<Integer> numbers = IntStream.range(0, 10).boxed().toList();
        Paginator other = Paginator.builder(3)
                .pageSizeError(size -> AwsException.client("BadRequest", "x"))
                .tokenError(t -> AwsException.client("BadRequest", "y"))
                .build();
        assertThat(other.page(numbers, null, null).nextToken())
                .isEqualTo(PAGINATOR.page(LETTERS, null, null).nextToken());
    }
}
