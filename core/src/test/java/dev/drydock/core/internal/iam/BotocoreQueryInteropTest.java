package dev.drydock.core.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.spi.JsonTree;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IAM and STS requests as botocore (boto3, the AWS CLI) serializes them, replayed against Drydock in order and signed
 * with the test credentials. The bodies were written by botocore's own query serializer
 * ({@code src/test/resources/query/botocore/generate_botocore_requests.py}); Python is not needed to run this. That
 * boto3 reads the answers (URL-encoded policies decoded to dicts, errors to typed exceptions) was checked by hand with
 * boto3 1.43 against a running instance.
 */
class BotocoreQueryInteropTest extends IamApiTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void servesTheRequestsBotocoreSends() throws Exception {
        Map<String, Object> fixtures;
        try (InputStream in = getClass().getResourceAsStream("/query/botocore/botocore-requests.json")) {
            fixtures = (Map<String, Object>) JsonTree.parse(in.readAllBytes());
        }
        List<Object> requests = (List<Object>) fixtures.get("requests");
        assertThat(requests).hasSizeGreaterThan(5);
        for (Object r : requests) {
            Map<String, Object> request = (Map<String, Object>) r;
            HttpResponse<String> response = send((String) request.get("service"), (String) request.get("body"), false);
            assertThat(response.statusCode())
                    .as("%s: %s", request.get("operation"), response.body())
                    .isEqualTo(((Number) request.get("status")).intValue());
            assertThat(response.body())
                    .as("%s", request.get("operation"))
                    .startsWith("<"
                            + (response.statusCode() == 200 ? request.get("operation") + "Response" : "ErrorResponse"));
            for (Object expected : (List<Object>) request.get("expect")) {
                assertThat(response.body()).as("%s", request.get("operation")).contains((String) expected);
            }
        }
        assertThat(iam.getRole(r -> r.roleName("botocore-role")).role().description())
                .isEqualTo("made by botocore & co");
    }
}
