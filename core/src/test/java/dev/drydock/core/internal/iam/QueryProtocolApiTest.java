package dev.drydock.core.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The query protocol on the wire: signed form POSTs and GETs sent by hand, the XML Drydock answers, and the errors of
 * the protocol layer (unknown and unimplemented actions, missing parameters).
 */
class QueryProtocolApiTest extends IamApiTestBase {
    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL)
                .matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void answersListsTimestampsAndEncodedDocumentsInAwsXml() throws Exception {
        String role = unique("wire");
        iam.createRole(r -> r.roleName(role)
                .path("/wire/")
                .assumeRolePolicyDocument(ECS_TASKS_TRUST)
                .description("a & b <c>")
                .tags(t -> t.key("k").value("v w")));

        HttpResponse<String> response = send("iam", "Action=ListRoles&Version=2010-05-08&PathPrefix=%2Fwire%2F", false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml");
        String xml = response.body();
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(xml)
                .startsWith("<ListRolesResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                        + "<ListRolesResult><Roles><member><Path>/wire/</Path><RoleName>" + role + "</RoleName>")
                .contains("<AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B"
                        + "%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ecs-tasks.amazonaws.com"
                        + "%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D</AssumeRolePolicyDocument>")
                .contains("<MaxSessionDuration>3600</MaxSessionDuration>")
                .contains("<Description>a &amp; b &lt;c")
                .doesNotContain("<Tags>")
                .endsWith("</member></Roles><IsTruncated>false</IsTruncated></ListRolesResult><ResponseMetadata>"
                        + "<RequestId>" + requestId + "</RequestId></ResponseMetadata></ListRolesResponse>");
        assertThat(element(xml, "CreateDate")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(element(xml, "RoleId")).matches("AROA[A-Z2-7]{17}");

        String tags = send("iam", "Action=ListRoleTags&Version=2010-05-08&RoleName=" + role, true)
                .body();
        assertThat(tags).contains("<Tags><member><Key>k</Key><Value>v w</Value></member></Tags>");
    }

    @Test
    void answersGetRequestsAndStsInItsOwnNamespace() throws Exception {
        HttpResponse<String> response = send("sts", "Action=GetCallerIdentity&Version=2011-06-15", true);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/"
                        + "2011-06-15/\"><GetCallerIdentityResult><UserId>"
                        + sts.getCallerIdentity().userId() + "</UserId>"
                        + "<Account>" + ACCOUNT + "</Account><Arn>" + testPrincipalArn()
                        + "</Arn></GetCallerIdentityResult>"
                        + "<ResponseMetadata><RequestId>"
                        + response.headers().firstValue("x-amzn-RequestId").orElseThrow()
                        + "</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
    }

    @Test
    void answersErrorsInAwsXml() throws Exception {
        HttpResponse<String> missing = send("iam", "Action=GetRole&Version=2010-05-08&RoleName=ghost", false);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body())
                .isEqualTo("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                        + "<Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role with name ghost cannot be "
                        + "found.</Message></Error><RequestId>"
                        + missing.headers().firstValue("x-amzn-RequestId").orElseThrow()
                        + "</RequestId></ErrorResponse>");

        HttpResponse<String> unknown = send("iam", "Action=MakeCoffee&Version=2010-05-08", false);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(element(unknown.body(), "Code")).isEqualTo("InvalidAction");
        assertThat(element(unknown.body(), "Message"))
                .isEqualTo("Could not find operation MakeCoffee for version " + "2010-05-08");

        HttpResponse<String> noAction = send("sts", "Version=2011-06-15", false);
        assertThat(noAction.statusCode()).isEqualTo(400);
        assertThat(element(noAction.body(), "Code")).isEqualTo("MissingAction");

        HttpResponse<String> badNumber = send("iam", "Action=ListRoles&Version=2010-05-08&MaxItems=many", false);
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(element(badNumber.body(), "Code")).isEqualTo("InvalidParameterValue");
        assertThat(element(badNumber.body(), "Message")).isEqualTo("Value (many) for parameter MaxItems is invalid.");
    }

    @Test
    void operationsAwsHasButDrydockDoesNotAreNotImplemented() {
        IamException iamError = awsError(
                () -> iam.createUser(r -> r.userName("someone")), IamException.class, "NotImplemented", 501, null);
        assertThat(iamError.awsErrorDetails().errorMessage())
                .startsWith("Drydock does not implement iam:CreateUser "
                        + "yet. Implemented iam operations: AttachRolePolicy, CreatePolicy,");
        StsException stsError = awsError(
                () -> sts.getFederationToken(r -> r.name("fed")), StsException.class, "NotImplemented", 501, null);
        assertThat(stsError.awsErrorDetails().errorMessage())
                .isEqualTo("Drydock does not implement "
                        + "sts:GetFederationToken yet. Implemented sts operations: AssumeRole, GetCallerIdentity, "
                        + "GetSessionToken.");
    }

    @Test
    void unsignedAndBadlySignedRequestsAreRefusedInTheQueryProtocol() throws Exception {
        HttpResponse<String> unsigned = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(drydock.endpoint().resolve("/"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "Action=GetCallerIdentity&Version=2011-06-15"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body())
                .startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<Error><Type>Sender</Type><Code>");
    }
}
