#!/usr/bin/env python3
"""service-models.py: extracts the request constraints of AWS's machine-readable service models into the compact
tables drydock-core ships (core/src/main/resources/META-INF/drydock/service-models/).

Source: botocore's JSON service models (data/<service>/<api-version>/service-2.json[.gz]), Apache-2.0, which carry
what the AWS SDK for Java's model classes leave out: required members, string length, numeric range, regular
expression patterns, enum values, list and map sizes. For each service Drydock serves or is about to serve, it writes
<sdk-package>.json with the operations and every shape reachable from an operation's input (documentation, output
shapes and errors are dropped). It also writes services.tsv: one line per botocore service (signing name, protocol,
X-Amz-Target prefix, API version, name), which the endpoint uses to answer requests to services Drydock does not serve
in their own protocol.

Usage: scripts/service-models.py [--botocore DIR] [--out DIR] [--check]
  --botocore  botocore's data directory (default: the one of the python3 running this script)
  --out       output directory (default: core/src/main/resources/META-INF/drydock/service-models)
  --check     write nothing; exit 1 when the tables in --out differ from what this botocore gives

Regenerate after changing the AWS SDK version (see the folder's README.md): install a botocore at least as new as
the SDK (pip install botocore==X), run this script, rebuild core; ServiceModelTableTest then checks that every
operation and request member of the SDK on the classpath is in the tables.
"""
import argparse
import glob
import gzip
import json
import os
import sys

# botocore name -> (AWS SDK for Java v2 package name, operations to keep or None for all)
SERVICES = {
    "ecs": ("ecs", None),
    "ecr": ("ecr", None),
    "efs": ("efs", None),
    "iam": ("iam", None),
    "sts": ("sts", None),
    "secretsmanager": ("secretsmanager", None),
    "ssm": ("ssm", None),
    "kms": ("kms", None),
    "logs": ("cloudwatchlogs", None),
    "elbv2": ("elasticloadbalancingv2", None),
    "application-autoscaling": ("applicationautoscaling", None),
    "autoscaling": ("autoscaling", None),
    "cloudwatch": ("cloudwatch", None),
    # the EC2 model is huge (about 760 operations): only what launch templates need
    "ec2": ("ec2", ["CreateLaunchTemplate", "CreateLaunchTemplateVersion", "DescribeLaunchTemplates",
                    "DescribeLaunchTemplateVersions", "DeleteLaunchTemplate", "ModifyLaunchTemplate"]),
}

PRIMITIVES = {"string", "integer", "long", "double", "float", "boolean", "blob", "timestamp"}
CONSTRAINTS = ("min", "max", "pattern", "enum")


def latest_model(data, service):
    versions = sorted(glob.glob(os.path.join(data, service, "*", "service-2.json*")))
    if not versions:
        sys.exit("no botocore model for " + service + " under " + data)
    path = versions[-1]
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return path, json.load(f)


def compact_shape(name, shape):
    """The shape as the table keeps it, or None for an unconstrained primitive (referenced by its type name)."""
    t = shape["type"]
    if t in PRIMITIVES and not any(k in shape for k in CONSTRAINTS):
        return None
    out = {"type": t}
    if t == "structure":
        if shape.get("document"):
            return {"type": "document"}
        if shape.get("union"):
            out["union"] = True
        out["members"] = {m: ref["shape"] for m, ref in shape["members"].items()}
        if shape.get("required"):
            out["required"] = list(shape["required"])
    elif t == "list":
        out["member"] = shape["member"]["shape"]
    elif t == "map":
        out["key"] = shape["key"]["shape"]
        out["value"] = shape["value"]["shape"]
    for k in CONSTRAINTS:
        if k in shape:
            out[k] = shape[k]
    if shape.get("sensitive"):
        # AWS's validation messages leave a sensitive value out: "Value at 'secretString' failed to satisfy ..."
        out["sensitive"] = True
    return out


def table(botocore_name, sdk_package, keep, data, botocore_version):
    path, model = latest_model(data, botocore_name)
    md = model["metadata"]
    shapes = model["shapes"]
    for name in shapes:
        if name in PRIMITIVES:
            sys.exit(f"{botocore_name}: a shape is named like a primitive type: {name}")
    operations = {}
    for op, spec in sorted(model["operations"].items()):
        if keep is not None and op not in keep:
            continue
        operations[op] = spec.get("input", {}).get("shape")
    if keep is not None and set(keep) - set(operations):
        sys.exit(f"{botocore_name}: no operations {sorted(set(keep) - set(operations))}")
    kept = {}
    todo = [s for s in operations.values() if s]
    while todo:
        name = todo.pop()
        if name in kept:
            continue
        c = compact_shape(name, shapes[name])
        kept[name] = c
        if c is None:
            continue
        refs = list(c.get("members", {}).values()) + [c[k] for k in ("member", "key", "value") if k in c]
        todo.extend(r for r in refs if r not in kept)

    def ref(name):
        return shapes[name]["type"] if kept.get(name) is None else name

    for c in kept.values():
        if c is None:
            continue
        if "members" in c:
            c["members"] = {m: ref(s) for m, s in c["members"].items()}
        for k in ("member", "key", "value"):
            if k in c:
                c[k] = ref(c[k])
    operations = {op: (ref(s) if s else None) for op, s in operations.items()}
    header = {
        "format": 1,
        "service": botocore_name,
        "sdkPackage": sdk_package,
        "source": f"botocore {botocore_version}, data/{os.path.relpath(path, data)} (Apache-2.0)",
        "protocol": md["protocol"],
        "protocols": md.get("protocols", [md["protocol"]]),
        "apiVersion": md.get("apiVersion"),
        "signingName": md.get("signingName", md.get("endpointPrefix")),
        "targetPrefix": md.get("targetPrefix"),
        "jsonVersion": md.get("jsonVersion"),
        "operationsKept": "all" if keep is None else "some",
    }
    lines = ["{"]
    for k, v in header.items():
        if v is not None:
            lines.append(json.dumps(k) + ":" + json.dumps(v, ensure_ascii=False) + ",")
    lines.append('"operations":' + json.dumps(operations, separators=(",", ":")) + ",")
    lines.append('"shapes":{')
    names = sorted(n for n, c in kept.items() if c is not None)
    for i, n in enumerate(names):
        sep = "," if i < len(names) - 1 else ""
        lines.append(json.dumps(n) + ":" + json.dumps(kept[n], separators=(",", ":"), ensure_ascii=False) + sep)
    lines.append("}}")
    return "\n".join(lines) + "\n"


def index(data):
    rows = ["# botocore service\tsigning name\tprotocols\tJSON version\tX-Amz-Target prefix\tAPI version\tservice id"
            "\tfull name"]
    for service in sorted(os.listdir(data)):
        if not glob.glob(os.path.join(data, service, "*", "service-2.json*")):
            continue
        _, model = latest_model(data, service)
        md = model["metadata"]
        fields = [service, md.get("signingName", md.get("endpointPrefix", service)),
                  ",".join(md.get("protocols", [md["protocol"]])),
                  md.get("jsonVersion", ""), md.get("targetPrefix", ""), md.get("apiVersion", ""), md.get("serviceId", ""),
                  md.get("serviceFullName", "")]
        for f in fields:
            if "\t" in f or "\n" in f:
                sys.exit(f"{service}: a tab or newline in {f!r}")
        rows.append("\t".join(fields))
    return "\n".join(rows) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--botocore")
    ap.add_argument("--out", default=os.path.join(here, "..", "core", "src", "main", "resources", "META-INF",
                                                   "drydock", "service-models"))
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    import botocore  # only for its data directory and version
    data = a.botocore or os.path.join(os.path.dirname(botocore.__file__), "data")
    files = {sdk + ".json": table(name, sdk, keep, data, botocore.__version__)
             for name, (sdk, keep) in SERVICES.items()}
    files["services.tsv"] = index(data)
    stale = []
    for name, text in files.items():
        target = os.path.join(a.out, name)
        old = open(target, encoding="utf-8").read() if os.path.exists(target) else None
        if old != text:
            stale.append(name)
            if not a.check:
                os.makedirs(a.out, exist_ok=True)
                with open(target, "w", encoding="utf-8") as f:
                    f.write(text)
    total = sum(len(t.encode("utf-8")) for t in files.values())
    if a.check:
        print("stale: " + ", ".join(stale) if stale else "up to date")
        sys.exit(1 if stale else 0)
    print(f"wrote {len(files)} files ({total} bytes) to {os.path.normpath(a.out)}; changed: {', '.join(stale) or 'none'}")


if __name__ == "__main__":
    main()
