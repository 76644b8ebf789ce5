#!/usr/bin/env python3
"""Signs a few requests with botocore's SigV4 signers and writes them as JSON fixtures.

The Java test BotocoreInteropTest reads botocore-fixtures.json; it does not need Python. Re-run this script
(python3 generate_botocore_fixtures.py) only to regenerate the fixtures, for example after a botocore upgrade:

    python3 src/test/resources/sigv4/botocore/generate_botocore_fixtures.py

Credentials and the signing time are fixed, so the output is deterministic for a given botocore version.
The credentials are AWS's documented example values, not real keys.
"""
import base64
import datetime
import json
import os
import sys
from urllib.parse import urlsplit

import botocore
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

SIGNING_TIME = datetime.datetime(2024, 3, 1, 10, 0, 0)
# The verifier's clock in the Java test: 42 seconds after signing.
VERIFY_TIME = "2024-03-01T10:00:42Z"

ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
SESSION_ACCESS_KEY = "ASIAIOSFODNN7EXAMPLE"
SESSION_SECRET_KEY = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLE//////////wEaDKEXAMPLETOKEN+/=="

# botocore.auth calls get_current_datetime() for the signing timestamp; pin it.
botocore.auth.get_current_datetime = lambda *args, **kwargs: SIGNING_TIME


def sign(name, description, method, url, service, region, headers=None, body=b"", session=False,
         presign_expires=None):
    creds = (Credentials(SESSION_ACCESS_KEY, SESSION_SECRET_KEY, SESSION_TOKEN) if session
             else Credentials(ACCESS_KEY, SECRET_KEY))
    request = AWSRequest(method=method, url=url, headers=dict(headers or {}), data=body)
    if presign_expires is None:
        botocore.auth.SigV4Auth(creds, service, region).add_auth(request)
    else:
        botocore.auth.SigV4QueryAuth(creds, service, region, expires=presign_expires).add_auth(request)
    prepared = request.prepare()
    parts = urlsplit(prepared.url)
    out_headers = {}
    for key, value in prepared.headers.items():
        out_headers.setdefault(key, []).append(value)
    if not any(k.lower() == "host" for k in out_headers):
        # botocore signs the host from the URL; the HTTP client sends it as the Host header.
        out_headers["Host"] = [parts.netloc]
    payload = prepared.body or b""
    if isinstance(payload, str):
        payload = payload.encode("utf-8")
    return {
        "name": name,
        "description": description,
        "method": prepared.method,
        "rawPath": parts.path,
        "rawQuery": parts.query if parts.query else None,
        "headers": out_headers,
        "bodyBase64": base64.b64encode(payload).decode("ascii"),
        "accessKeyId": creds.access_key,
        "secretAccessKey": creds.secret_key,
        "sessionToken": creds.token,
        "region": region,
        "service": service,
        "presigned": presign_expires is not None,
        "verifyTime": VERIFY_TIME,
    }


def main():
    fixtures = [
        sign("ecs-list-clusters", "awsJson1_1 POST as ECS clients send it", "POST",
             "https://ecs.us-east-1.amazonaws.com/", "ecs", "us-east-1",
             headers={"X-Amz-Target": "AmazonEC2ContainerServiceV20141113.ListClusters",
                      "Content-Type": "application/x-amz-json-1.1"},
             body=b'{"maxResults": 10}'),
        sign("ecr-describe-repositories-session", "awsJson1_1 POST with session credentials and a UTF-8 body",
             "POST", "https://api.ecr.us-west-2.amazonaws.com/", "ecr", "us-west-2",
             headers={"X-Amz-Target": "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories",
                      "Content-Type": "application/x-amz-json-1.1"},
             body='{"repositoryNames": ["caf\u00e9/\u2713"]}'.encode("utf-8"), session=True),
        sign("sts-get-caller-identity-form", "awsQuery form POST with session credentials", "POST",
             "https://sts.amazonaws.com/", "sts", "us-east-1",
             headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
             body=b"Action=GetCallerIdentity&Version=2011-06-15", session=True),
        sign("iam-list-users-get", "awsQuery GET with encoded and empty query values", "GET",
             "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08&PathPrefix=%2Fdivision_abc%2F"
             "&Marker=&MaxItems=10", "iam", "us-east-1"),
        sign("efs-reserved-path", "restJson1 GET: spaces, UTF-8 and reserved characters in the path, "
             "repeated query keys, folded header whitespace", "GET",
             "https://elasticfilesystem.eu-west-1.amazonaws.com/2015-02-01/file-systems/fs%20one/%E2%9C%93%3Aa%40b"
             "?Tag=b&Tag=a&Empty=&Star=%2A", "elasticfilesystem", "eu-west-1",
             headers={"X-Custom": "  a   b  c "}),
        sign("efs-date-header", "restJson1 DELETE dated with the Date header instead of X-Amz-Date", "DELETE",
             "https://elasticfilesystem.eu-west-1.amazonaws.com/2015-02-01/file-systems/fs-0123",
             "elasticfilesystem", "eu-west-1", headers={"Date": "placeholder, botocore rewrites it"}),
        sign("sts-presigned-get-caller-identity", "presigned URL (query auth) with a session token, "
             "as EKS tokens are built", "GET",
             "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15", "sts", "us-east-1",
             session=True, presign_expires=900),
    ]
    document = {
        "generator": "generate_botocore_fixtures.py",
        "botocoreVersion": botocore.__version__,
        "fixtures": fixtures,
    }
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "botocore-fixtures.json")
    with open(target, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(fixtures)} fixtures to {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
