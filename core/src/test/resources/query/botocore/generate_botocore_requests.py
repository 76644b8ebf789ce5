#!/usr/bin/env python3
"""Writes botocore-requests.json: IAM and STS request bodies exactly as botocore's query serializer writes them.

BotocoreQueryInteropTest replays them (signed with Drydock's test credentials) against Drydock; Python is needed only
to regenerate the file:  python3 generate_botocore_requests.py > botocore-requests.json
"""
import json

import botocore
import botocore.session
from botocore.serialize import create_serializer
from botocore.utils import percent_encode_sequence

ACCOUNT = "123456789012"
USER = "arn:aws:iam::%s:user/drydock-test" % ACCOUNT
ROLE = "botocore-role"
ROLE_ARN = "arn:aws:iam::%s:role/botocore/%s" % (ACCOUNT, ROLE)
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": USER},
                                                             "Action": ["sts:AssumeRole", "sts:TagSession"]}]})
POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allow",
                                                              "Action": ["s3:GetObject", "s3:ListBucket"],
                                                              "Resource": "*"}]})

CALLS = [
    ("iam", "CreateRole", {"RoleName": ROLE, "Path": "/botocore/", "AssumeRolePolicyDocument": TRUST,
                           "Description": "made by botocore & co", "MaxSessionDuration": 7200,
                           "Tags": [{"Key": "team", "Value": "interop"}, {"Key": "env", "Value": "test"}]},
     200, ["<Arn>%s</Arn>" % ROLE_ARN, "<Key>team</Key>"]),
    ("iam", "PutRolePolicy", {"RoleName": ROLE, "PolicyName": "read", "PolicyDocument": POLICY}, 200, []),
    ("iam", "AttachRolePolicy", {"RoleName": ROLE,
                                 "PolicyArn": "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"}, 200, []),
    ("iam", "TagRole", {"RoleName": ROLE, "Tags": []}, 200, []),
    ("iam", "ListRoles", {"PathPrefix": "/botocore/", "MaxItems": 10}, 200,
     ["<RoleName>%s</RoleName>" % ROLE, "<MaxSessionDuration>7200</MaxSessionDuration>"]),
    ("iam", "ListAttachedRolePolicies", {"RoleName": ROLE}, 200, ["<PolicyName>AmazonEC2ContainerRegistryReadOnly"]),
    ("iam", "SimulatePrincipalPolicy", {"PolicySourceArn": ROLE_ARN, "ActionNames": ["s3:GetObject", "ecr:ListImages",
                                                                                      "sqs:SendMessage"],
                                        "ResourceArns": ["arn:aws:s3:::bucket/key"],
                                        "ContextEntries": [{"ContextKeyName": "aws:SourceIp",
                                                            "ContextKeyValues": ["10.0.0.1", "10.0.0.2"],
                                                            "ContextKeyType": "ipList"}]}, 200,
     ["<EvalActionName>s3:GetObject</EvalActionName>", "<SourcePolicyId>role_%s_read</SourcePolicyId>" % ROLE,
      "<EvalDecision>implicitDeny</EvalDecision>"]),
    ("iam", "GetRole", {"RoleName": "no-such-role"}, 404, ["<Code>NoSuchEntity</Code>"]),
    ("sts", "AssumeRole", {"RoleArn": ROLE_ARN, "RoleSessionName": "botocore-session", "DurationSeconds": 900,
                           "Tags": [{"Key": "project", "Value": "x"}], "TransitiveTagKeys": ["project"],
                           "PolicyArns": [{"arn": "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"}]},
     200, ["<Arn>arn:aws:sts::%s:assumed-role/%s/botocore-session</Arn>" % (ACCOUNT, ROLE), "<PackedPolicySize>"]),
    ("sts", "GetCallerIdentity", {}, 200, ["<Arn>%s</Arn>" % USER]),
]


def main():
    session = botocore.session.get_session()
    fixtures = []
    for service, operation, params, status, expect in CALLS:
        model = session.get_service_model(service)
        serializer = create_serializer(model.metadata["protocol"])
        request = serializer.serialize_to_request(params, model.operation_model(operation))
        body = request["body"]
        if isinstance(body, dict):
            body = percent_encode_sequence(body)
        fixtures.append({"service": service, "operation": operation, "body": body, "status": status,
                         "expect": expect})
    print(json.dumps({"botocore": botocore.__version__, "requests": fixtures}, indent=2))


if __name__ == "__main__":
    main()
