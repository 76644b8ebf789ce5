package dev.drydock.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.DrydockException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminCallsTest {
    private final List<String> undone = new ArrayList<>();

    @Test
    void whatSucceedsIsKeptAndReturned() {
        String result = AdminCalls.undoingOnRefusal("X refuses the thing 'a'", null, "MalformedPolicy", undo -> {
            undo.onRefusal(() -> undone.add("first"));
            return "created";
        });
        assertThat(result).isEqualTo("created");
        assertThat(undone).isEmpty();
    }

    @Test
    void aRefusalUndoesWhatWasCreatedLastFirstAndNamesTheError() {
        assertThatThrownBy(() ->
                        AdminCalls.undoingOnRefusal("X refuses the thing 'a'", null, "MalformedPolicy", undo -> {
                            undo.onRefusal(() -> undone.add("first"));
                            undo.onRefusal(() -> undone.add("second"));
                            throw new AwsException("LimitExceededException", 400, "Too many things.");
                        }))
                .isInstanceOf(DrydockException.class)
                .hasMessage("X refuses the thing 'a': LimitExceededException: Too many things.")
                .hasCauseInstanceOf(AwsException.class);
        assertThat(undone).containsExactly("second", "first");
    }

    @Test
    void withoutAPolicyFileARefusalNamesOnlyTheError() {
        assertThatThrownBy(() -> AdminCalls.undoingOnRefusal("X refuses the thing 'a'", undo -> {
                    undo.onRefusal(() -> undone.add("first"));
                    throw new AwsException("MalformedPolicyDocumentException", 400, "Bad.");
                }))
                .isInstanceOf(DrydockException.class)
                .hasMessage("X refuses the thing 'a': MalformedPolicyDocumentException: Bad.");
        assertThat(undone).containsExactly("first");
    }

    @Test
    void aRefusedPolicyNamesTheFileToFix() {
        assertThatThrownBy(() -> AdminCalls.undoingOnRefusal(
                        "X refuses the thing 'a'", "x/policy.json", "MalformedPolicy", undo -> {
                            throw new AwsException("MalformedPolicyDocumentException", 400, "Bad.");
                        }))
                .hasMessage("X refuses the thing 'a': MalformedPolicyDocumentException: Bad. Fix "
                        + "src/test/resources/x/policy.json.");
        assertThatThrownBy(() -> AdminCalls.undoingOnRefusal(
                        "X refuses the thing 'a'", "x/policy.json", "MalformedPolicy", undo -> {
                            throw new AwsException("LimitExceededException", 400, "Too many.");
                        }))
                .hasMessage("X refuses the thing 'a': LimitExceededException: Too many.");
    }

    @Test
    void anUndoThatFailsIsAttachedAndTheOthersStillRun() {
        assertThatThrownBy(() ->
                        AdminCalls.undoingOnRefusal("X refuses the thing 'a'", null, "MalformedPolicy", undo -> {
                            undo.onRefusal(() -> undone.add("first"));
                            undo.onRefusal(() -> {
                                throw new AwsException("InternalFailure", 500, "Down.");
                            });
                            throw new AwsException("LimitExceededException", 400, "Too many.");
                        }))
                .isInstanceOf(DrydockException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        assertThat(undone).containsExactly("first");
    }

    @Test
    void otherFailuresPassThroughUntouched() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertThatThrownBy(() ->
                        AdminCalls.undoingOnRefusal("X refuses the thing 'a'", null, "MalformedPolicy", undo -> {
                            undo.onRefusal(() -> undone.add("first"));
                            throw bug;
                        }))
                .isSameAs(bug);
        assertThat(undone).isEmpty();
    }
}
